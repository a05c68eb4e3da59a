package org.sacrum.content.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where in a source a citation points: a section, a timestamp in a video or podcast, a short quote (citation.schema.json). */
public record Locator(
        @ShortText String section,
        @Pattern(regexp = "^[0-9]{1,2}(:[0-5][0-9]){1,2}$") String timestamp,
        @Size(min = 1, max = 300) String quote) {

    @JsonbTransient
    @AssertTrue(message = "a locator names a section, a timestamp or a quote")
    public boolean isGiven() {
        return section != null || timestamp != null || quote != null;
    }
}
