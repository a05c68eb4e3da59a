package org.sacrum.platform.entity;


/** Role names for @RolesAllowed. "reader" is held by everyone signed in, including read-only tokens. */
public final class RoleNames {
    public static final String READER = "reader";
    public static final String AUTHOR = "author";
    public static final String CLINICIAN = "clinician";
    public static final String PUBLISHER = "publisher";
    public static final String ADMIN = "admin";

    private RoleNames() {
    }
}
