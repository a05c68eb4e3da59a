package org.sacrum.entries.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.sacrum.platform.entity.Violations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** The shipped content-model/workflow.json and a validator, for the workflow's unit tests. */
final class Workflows {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final JsonObject SHIPPED_JSON = read();
    static final WorkflowDefinition SHIPPED = WorkflowDefinition.parse(SHIPPED_JSON);
    static final Transitions TRANSITIONS = new Transitions(SHIPPED, TODAY);

    private Workflows() {
    }

    /** The codes of every rule the transition breaks, validated as the workflow validates it. */
    static Set<String> rules(Transition t) {
        return Violations.of(VALIDATOR.validate(t, t.groups())).stream().map(v -> v.rule()).collect(Collectors.toSet());
    }

    private static JsonObject read() {
        try (InputStream in = Workflows.class.getClassLoader().getResourceAsStream("content-model/workflow.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
