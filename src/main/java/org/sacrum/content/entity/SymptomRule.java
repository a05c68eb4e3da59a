package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * When a warning applies: its signs and groups of signs combined by any-of or all-of (two levels at most, so a
 * site can render "any of: A, B, or all of (C and D)" without recursion).
 */
public record SymptomRule(@NotNull SymptomLogic logic,
                          @Size(max = 30) List<@NotNull @ShortText String> signs,
                          @Size(max = 10) List<@NotNull @Valid SymptomGroup> groups) {

    @JsonbTransient
    @AssertTrue(message = "a symptom rule needs at least one sign or group")
    public boolean isSpecified() {
        return (signs != null && !signs.isEmpty()) || (groups != null && !groups.isEmpty());
    }
}
