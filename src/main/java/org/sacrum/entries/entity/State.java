package org.sacrum.entries.entity;


import java.util.Locale;
import java.util.Arrays;
import java.util.Optional;

/**
 * Workflow states as a type (the entry table stores the name). content-model/workflow.json lists the states and what
 * each means; {@link WorkflowDefinition} refuses a file whose states differ from these.
 */
public enum State {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, CLINICALLY_REVIEWED, PUBLISHED, UNPUBLISHED, ARCHIVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<State> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
