package org.sacrum.content;

import jakarta.validation.constraints.NotNull;

/** A stage an exercise suits, with what to watch for at that stage. */
public record StageNote(@NotNull Stage stage, @Short String note) {
}
