package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;

/** A risk factor and whether it goes with one-sided or both-sided pain. */
public record RiskFactor(@NotNull @ShortText String factor, @NotNull SidePattern pattern) {
}
