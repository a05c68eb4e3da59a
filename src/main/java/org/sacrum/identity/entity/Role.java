package org.sacrum.identity.entity;

import java.util.Locale;
import java.util.Arrays;
import java.util.Optional;

/** What a person may do. A person may hold several roles. */
public enum Role {
    AUTHOR, CLINICIAN, PUBLISHER, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
