package org.sacrum.identity.control;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token presented in the Authorization header. */
public record TokenCredential(String token) implements Credential {
    @Override
    public String toString() {
        return "TokenCredential[***]";
    }
}
