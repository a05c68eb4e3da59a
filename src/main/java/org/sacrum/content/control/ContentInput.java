package org.sacrum.content.control;

import org.sacrum.platform.control.Hashes;

import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.validation.Validator;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import java.util.List;

/**
 * The gate every piece of content passes on its way in: JSON Schema first (unknown fields, wrong types,
 * lengths, patterns, enumerations; all reported at once), then the Java model's Bean Validation (Default group).
 */
@ApplicationScoped
public class ContentInput {
    @Inject
    Validator validator;

    /** Accepted draft content in canonical form, or a 422 problem naming every field and rule broken. */
    public Accepted draft(ContentType type, JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("content-not-object", "\"content\" must be a JSON object of type " + type.id() + ".",
                    List.of(new Violation("content", "type", "must be an object")));
        }
        JsonObject json = ContentCodec.withDefaults(body.asJsonObject());
        List<Violation> schema = SchemaValidation.draft(type, json.toString());
        if (!schema.isEmpty()) {
            throw invalid(type, prefixed(schema));
        }
        Content content;
        try {
            content = ContentCodec.read(type, json.toString());
        } catch (JsonbException e) {
            throw invalid(type, List.of(new Violation("content", "binding", "could not be read as " + type.id())));
        }
        List<Violation> bean = Violations.of(validator.validate(content));
        if (!bean.isEmpty()) {
            throw invalid(type, prefixed(bean));
        }
        String canonical = ContentCodec.write(content);
        return new Accepted(content, canonical, Hashes.sha256(canonical));
    }

    private static List<Violation> prefixed(List<Violation> violations) {
        return violations.stream().map(v -> new Violation(v.field().isEmpty() ? "content" : "content." + v.field(), v.rule(), v.message()))
                .toList();
    }

    private static ProblemException invalid(ContentType type, List<Violation> violations) {
        return ProblemException.unprocessable("invalid-content",
                "The " + type.id() + " breaks " + violations.size() + " rule(s) of its content model.", violations);
    }

    public record Accepted(Content content, String canonicalJson, String contentHash) {
    }
}
