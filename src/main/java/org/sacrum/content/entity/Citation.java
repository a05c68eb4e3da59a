package org.sacrum.content.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A source an entry's facts come from (citation.schema.json). */
public record Citation(
        @NotBlank @Size(min = 3, max = 300) String title,
        @NotBlank @Size(max = 200) String publisher,
        @Size(min = 1, max = 200) String author,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$") String url,
        LocalDate publishedOn,
        LocalDate accessedOn,
        @NotNull EvidenceKind evidenceKind) {
}
