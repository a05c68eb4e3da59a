package org.sacrum.entries.entity;

import java.util.Locale;
import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to an entry: the names content-model/workflow.json gives its actions, as a type. Which states,
 * roles and stage each has is read from that file ({@link WorkflowDefinition}), which must define every one.
 */
public enum Action {
    CREATE, EDIT, SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, UNPUBLISH, ARCHIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
