package org.sacrum.identity.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An admin setting a new password for someone who lost theirs; the person should replace it at once. */
public record PasswordReset(@NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword,
                            Boolean revokeTokens) {
    @Override
    public String toString() {
        return "PasswordReset[***]";
    }
}
