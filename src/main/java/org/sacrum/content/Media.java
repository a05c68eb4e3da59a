package org.sacrum.content;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An image or video reference; alt text is required so every reader gets the content. */
public record Media(@NotNull MediaKind kind,
                    @NotNull @Size(max = Texts.URL) @Pattern(regexp = Texts.HTTPS) String url,
                    @NotNull @Short String alt,
                    @Short String caption) {
}
