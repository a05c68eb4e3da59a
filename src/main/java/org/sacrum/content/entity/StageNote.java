package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** A stage an exercise suits, with what to watch for at that stage. */
public record StageNote(@NotNull Stage stage, @ShortText String note) {
}
