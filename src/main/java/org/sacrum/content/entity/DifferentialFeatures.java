package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The features that tell a condition from its look-alikes, one list per feature, so delivery can set conditions
 * side by side in a comparison table (GET /api/v1/conditions/compare).
 */
public record DifferentialFeatures(@Size(max = 20) List<@NotNull @ShortText String> whereFelt,
                                   @Size(max = 20) List<@NotNull @ShortText String> timing,
                                   @Size(max = 20) List<@NotNull @ShortText String> easedBy,
                                   @Size(max = 20) List<@NotNull @ShortText String> worsenedBy) {
    /** The features in the order a comparison table shows them, with their row labels. */
    public static final List<String> NAMES = List.of("whereFelt", "timing", "easedBy", "worsenedBy");

    public List<String> feature(String name) {
        return switch (name) {
            case "whereFelt" -> whereFelt;
            case "timing" -> timing;
            case "easedBy" -> easedBy;
            case "worsenedBy" -> worsenedBy;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @JsonbTransient
    @AssertTrue(message = "features need at least one of whereFelt, timing, easedBy or worsenedBy")
    public boolean isSpecified() {
        return NAMES.stream().anyMatch(n -> feature(n) != null && !feature(n).isEmpty());
    }
}
