package org.sacrum.content;

import jakarta.validation.constraints.NotNull;

/** "When all-fours is uncomfortable, rock the pelvis seated instead." */
public record Modification(@NotNull @Short String when, @NotNull @Short String instead) {
}
