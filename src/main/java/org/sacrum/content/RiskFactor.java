package org.sacrum.content;

import jakarta.validation.constraints.NotNull;

/** A risk factor and whether it goes with one-sided or both-sided pain. */
public record RiskFactor(@NotNull @Short String factor, @NotNull SidePattern pattern) {
}
