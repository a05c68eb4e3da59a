package org.sacrum.platform.entity;

import java.util.UUID;

/** Primary keys are random UUIDs made in Java: portable, and safe to create on any cluster member. */
public final class Ids {
    private Ids() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
