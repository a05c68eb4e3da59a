package org.sacrum.identity.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Replacing one's own password: the current one, the new one, and whether to revoke all one's API tokens too. */
public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                             @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword,
                             Boolean revokeTokens) {
    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
