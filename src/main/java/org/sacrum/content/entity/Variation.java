package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** An easier (regression) or harder (progression) version of an exercise, optionally another exercise entry. */
public record Variation(@NotNull @ShortText String description, @Slug String exercise) {
}
