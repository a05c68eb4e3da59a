package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An inclusive range such as "hold 30-60 seconds"; min equals max for a single number. */
public record Range(@NotNull @Min(1) @Max(3600) Integer min, @NotNull @Min(1) @Max(3600) Integer max) {

    @JsonbTransient
    @AssertTrue(message = "min must not be greater than max")
    public boolean isOrdered() {
        return min == null || max == null || min <= max;
    }
}
