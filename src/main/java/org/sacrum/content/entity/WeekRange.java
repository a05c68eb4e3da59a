package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Gestational weeks a warning applies to; either end may be open. */
public record WeekRange(@Min(0) @Max(45) Integer from, @Min(0) @Max(45) Integer to) {

    @JsonbTransient
    @AssertTrue(message = "from must not be after to, and at least one must be given")
    public boolean isOrdered() {
        return (from != null || to != null) && (from == null || to == null || from <= to);
    }
}
