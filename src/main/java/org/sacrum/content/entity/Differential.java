package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** How to tell a condition from a look-alike (sciatica versus SI joint dysfunction). */
public record Differential(@NotNull @Slug String condition, @NotNull @Markdown String howToTell) {
}
