package org.sacrum.content.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A podcast chapter marker. */
public record Chapter(@NotNull @ShortText String title, @NotNull @Min(0) @Max(86400) Integer startSeconds) {
}
