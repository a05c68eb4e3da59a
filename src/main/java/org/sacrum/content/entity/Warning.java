package org.sacrum.content.entity;


import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** A red-flag warning (content-model/schemas/warning.schema.json). */
@ProvenanceResolves
public record Warning(
        @NotBlank @Size(min = 3, max = TextLimits.TITLE) String title,
        @NotBlank @Slug String slug,
        @NotNull(groups = Complete.class) @Pattern(regexp = TextLimits.LOCALE_PATTERN) String locale,
        @NotNull(groups = Complete.class) @ShortText String summary,
        @Size(max = 4) @UniqueItems List<@NotNull Audience> audience,
        @NotNull(groups = Complete.class) @Markdown String symptomPattern,
        @Valid SymptomRule symptoms,
        @NotEmpty(groups = Complete.class) @Size(max = 4) @UniqueItems List<@NotNull Stage> stages,
        @Valid WeekRange gestationalWeeks,
        @NotNull(groups = Complete.class) Urgency urgency,
        @NotNull(groups = Complete.class) @ShortText String action,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> conditions,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> exercises,
        @NotEmpty(groups = Complete.class) @Size(max = 50) @UniqueItems @KnownTopics List<@NotNull @Slug String> topics,
        @NotEmpty(groups = Complete.class) @Size(max = 30) List<@NotNull @Valid Citation> sources,
        @Size(max = 200) List<@NotNull @Valid FieldProvenance> provenance,
        @AssertTrue(message = "sample may only be true") Boolean sample) implements Content {

    @Override
    public Map<ContentType, List<String>> links() {
        return Links.of(ContentType.CONDITION, conditions, ContentType.EXERCISE, exercises);
    }
}
