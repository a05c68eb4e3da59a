package org.sacrum.content.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An image or video reference; alt text is required so every reader gets the content. */
public record Media(@NotNull MediaKind kind,
                    @NotNull @Size(max = TextLimits.URL) @Pattern(regexp = TextLimits.HTTPS) String url,
                    @NotNull @ShortText String alt,
                    @ShortText String caption) {
}
