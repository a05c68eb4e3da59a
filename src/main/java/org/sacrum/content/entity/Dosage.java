package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How much of an exercise: holds, repetitions, breaths, sets and how often. */
public record Dosage(@Valid Range holdSeconds,
                     @Valid Range reps,
                     @Valid Range breaths,
                     @Min(1) @Max(20) Integer sets,
                     Boolean perSide,
                     @ShortText String frequency) {

    @JsonbTransient
    @AssertTrue(message = "a dosage needs at least one of holdSeconds, reps, breaths, sets or frequency")
    public boolean isSpecified() {
        return holdSeconds != null || reps != null || breaths != null || sets != null || frequency != null || perSide != null;
    }
}
