package org.sacrum.identity.entity;

import java.util.Locale;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a token may be used for. A token never grants more than its owner's roles: a token's caller holds
 * the intersection of the owner's roles and the roles its scopes allow.
 */
public enum Scope {
    /** Read management views and preview drafts. */
    READ(EnumSet.noneOf(Role.class)),
    /** Write drafts and submit them. */
    WRITE(EnumSet.of(Role.AUTHOR)),
    /** Approve or request changes. */
    REVIEW(EnumSet.of(Role.CLINICIAN)),
    /** Publish, unpublish, archive. */
    PUBLISH(EnumSet.of(Role.PUBLISHER)),
    /** Manage people and tokens. */
    ADMIN(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Scope(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<Role> roles() {
        return roles;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
