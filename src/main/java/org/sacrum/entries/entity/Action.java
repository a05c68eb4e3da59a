package org.sacrum.entries.entity;

import java.util.Arrays;
import java.util.Optional;

/** What can happen to an entry, as content-model/workflow.json names the transitions. */
public enum Action {
    EDIT, SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, UNPUBLISH, ARCHIVE;

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Action> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
