package org.sacrum.identity.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A request for a personal API token: a name to recognise it by, its scopes and its lifetime in days. */
public record NewToken(
        @NotBlank @Size(max = 120) String name,
        @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = "read|write|review|publish|admin", message = "must be read, write, review, publish or admin") String> scopes,
        @Min(1) @Max(366) Integer expiresInDays) {
}
