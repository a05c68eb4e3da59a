package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A source an entry's facts come from (citation.schema.json): what it is, where in it (locator), how strong
 * (evidenceKind, grade) and whether it is still current (dated, superseded, with a note saying why).
 */
public record Citation(
        @NotBlank @Size(min = 3, max = 300) String title,
        @NotBlank @Size(max = 200) String publisher,
        @Size(min = 1, max = 200) String author,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$") String url,
        LocalDate publishedOn,
        LocalDate accessedOn,
        @NotNull EvidenceKind evidenceKind,
        EvidenceGrade grade,
        @Valid Locator locator,
        Boolean dated,
        Boolean superseded,
        @ShortText String note) {

    @JsonbTransient
    @AssertTrue(message = "a dated or superseded source needs a note saying why")
    public boolean isCurrencyExplained() {
        return !(Boolean.TRUE.equals(dated) || Boolean.TRUE.equals(superseded)) || note != null;
    }
}
