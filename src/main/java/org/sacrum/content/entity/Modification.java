package org.sacrum.content.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** "When all-fours is uncomfortable, rock the pelvis seated instead"; optionally tied to a stage or gestational weeks. */
public record Modification(@NotNull @ShortText String when, @NotNull @ShortText String instead, Stage stage,
                           @Valid WeekRange gestationalWeeks) {
}
