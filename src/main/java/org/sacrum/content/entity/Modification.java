package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** "When all-fours is uncomfortable, rock the pelvis seated instead." */
public record Modification(@NotNull @ShortText String when, @NotNull @ShortText String instead) {
}
