package org.sacrum.content.entity;


import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A podcast episode (content-model/schemas/podcast-episode.schema.json). */
@ProvenanceResolves
public record PodcastEpisode(
        @NotBlank @Size(min = 3, max = TextLimits.TITLE) String title,
        @NotBlank @Slug String slug,
        @NotNull(groups = Complete.class) @Pattern(regexp = TextLimits.LOCALE_PATTERN) String locale,
        @NotNull(groups = Complete.class) @ShortText String summary,
        @Size(max = 4) @UniqueItems List<@NotNull Audience> audience,
        @NotNull(groups = Complete.class) @Size(min = 1, max = 200) String show,
        @Size(min = 1, max = 200) String seriesTitle,
        @Min(1) @Max(1000) Integer seriesPart,
        @Min(1) @Max(100000) Integer episodeNumber,
        @NotNull(groups = Complete.class) LocalDate publishedOn,
        @Min(1) @Max(86400) Integer durationSeconds,
        @Size(max = TextLimits.URL) @Pattern(regexp = TextLimits.HTTPS) String audioUrl,
        @Size(max = TextLimits.URL) @Pattern(regexp = "^https?://\\S+$") String pageUrl,
        @NotEmpty(groups = Complete.class) @Size(max = 10) List<@NotNull @Valid PersonInContent> hosts,
        @NotNull(groups = Complete.class) @Size(max = 20) List<@NotNull @Valid PersonInContent> guests,
        @NotNull(groups = Complete.class) @Markdown String showNotes,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> keyPoints,
        @Size(max = 100) List<@NotNull @Valid Chapter> chapters,
        @Size(min = 1, max = 200000) String transcript,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> conditions,
        @NotEmpty(groups = Complete.class) @Size(max = 50) @UniqueItems @KnownTopics List<@NotNull @Slug String> topics,
        @NotEmpty(groups = Complete.class) @Size(max = 30) List<@NotNull @Valid Citation> sources,
        @Size(max = 200) List<@NotNull @Valid FieldProvenance> provenance,
        @AssertTrue(message = "sample may only be true") Boolean sample) implements Content {

    @Override
    public Map<ContentType, List<String>> links() {
        return Links.of(ContentType.CONDITION, conditions);
    }
}
