package org.sacrum.content.entity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Signs that count together inside a warning's symptom rule, e.g. all of: pain every 10-15 minutes, for over an hour. */
public record SymptomGroup(@NotNull SymptomLogic logic, @NotEmpty @Size(max = 20) List<@NotNull @ShortText String> signs) {
}
