package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** A question readers ask ("Will it harm my baby?") with its answer. */
public record CommonQuestion(@NotNull @ShortText String question, @NotNull @Markdown String answer) {
}
