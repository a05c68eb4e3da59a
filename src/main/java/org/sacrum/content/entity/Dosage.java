package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How much of an exercise: holds, repetitions, breaths, sets and how often; or, explicitly, that the source gives none. */
public record Dosage(@Valid Range holdSeconds,
                     @Valid Range reps,
                     @Valid Range breaths,
                     @Min(1) @Max(20) Integer sets,
                     Boolean perSide,
                     @ShortText String frequency,
                     Boolean sourceGivesNone) {

    @JsonbTransient
    @AssertTrue(message = "a dosage needs at least one of holdSeconds, reps, breaths, sets or frequency")
    public boolean isSpecified() {
        return holdSeconds != null || reps != null || breaths != null || sets != null || frequency != null || perSide != null
                || Boolean.TRUE.equals(sourceGivesNone);
    }

    /** "The source gives no dosage" is said alone: never beside an amount. */
    @JsonbTransient
    @AssertTrue(message = "sourceGivesNone: true cannot be combined with an amount")
    public boolean isConsistent() {
        return !Boolean.TRUE.equals(sourceGivesNone)
                || (holdSeconds == null && reps == null && breaths == null && sets == null && frequency == null && perSide == null);
    }
}
