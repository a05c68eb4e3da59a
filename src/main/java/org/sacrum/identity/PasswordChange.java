package org.sacrum.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Replacing one's own password: the current one, and the new one. */
public record PasswordChange(@NotBlank String currentPassword,
                             @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
