package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Where one field's text comes from (common.schema.json#/$defs/provenance): "source" with the indexes of the entry's
 * citations that contain it, or "editorial" for text an editor wrote. The note says what a reviewer should know.
 */
public record FieldProvenance(
        @NotNull @Size(max = 200) @Pattern(regexp = FieldProvenance.PATH) String field,
        @NotNull ProvenanceBasis basis,
        @Size(min = 1, max = 30) @UniqueItems List<@NotNull @Min(0) @Max(29) Integer> citations,
        @ShortText String note) {
    /** A content field path as the API spells it: "steps", "steps[2]", "dosage.holdSeconds". */
    public static final String PATH = "^[a-z][A-Za-z]*(\\[[0-9]{1,3}\\])?(\\.[a-z][A-Za-z]*(\\[[0-9]{1,3}\\])?)*$";

    @JsonbTransient
    @AssertTrue(message = "source-derived text names its citations; editorial text names none")
    public boolean isConsistent() {
        return basis == null || (basis == ProvenanceBasis.SOURCE) == (citations != null);
    }

    /** The content field this path starts with ("steps" for "steps[2]"). */
    @JsonbTransient
    public String topField() {
        return field == null ? null : field.split("[.\\[]", 2)[0];
    }
}
