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

/** An exercise (content-model/schemas/exercise.schema.json). */
@ProvenanceResolves
public record Exercise(
        @NotBlank @Size(min = 3, max = TextLimits.TITLE) String title,
        @NotBlank @Slug String slug,
        @NotNull(groups = Complete.class) @Pattern(regexp = TextLimits.LOCALE_PATTERN) String locale,
        @NotNull(groups = Complete.class) @ShortText String summary,
        @Size(max = 4) @UniqueItems List<@NotNull Audience> audience,
        @NotNull(groups = Complete.class) @Markdown String purpose,
        @NotEmpty(groups = Complete.class) @UniqueItems List<@NotNull Equipment> equipment,
        @NotNull(groups = Complete.class) @ShortText String startingPosition,
        BodyPosition position,
        @NotEmpty(groups = Complete.class) @Size(max = 30) List<@NotNull @ShortText String> steps,
        @NotNull(groups = Complete.class) @Valid Dosage dosage,
        @NotEmpty(groups = Complete.class) @UniqueItems List<@NotNull BodyRegion> bodyRegions,
        @NotEmpty(groups = Complete.class) @Size(max = 4) @UniqueStages List<@NotNull @Valid StageNote> stages,
        @Valid WeekRange gestationalWeeks,
        @Size(max = 20) List<@NotNull @Valid Modification> modifications,
        @Size(max = 10) List<@NotNull @Valid Variation> progressions,
        @Size(max = 10) List<@NotNull @Valid Variation> regressions,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> cautions,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> stopRules,
        @Size(max = 50) List<@NotNull @ShortText String> contraindications,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> conditions,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> warnings,
        @Size(max = 20) List<@NotNull @Valid Media> media,
        @NotEmpty(groups = Complete.class) @Size(max = 50) @UniqueItems @KnownTopics List<@NotNull @Slug String> topics,
        @NotEmpty(groups = Complete.class) @Size(max = 30) List<@NotNull @Valid Citation> sources,
        @Size(max = 200) List<@NotNull @Valid FieldProvenance> provenance,
        @AssertTrue(message = "sample may only be true") Boolean sample) implements Content {

    @Override
    public Map<ContentType, List<String>> links() {
        return Links.of(ContentType.CONDITION, conditions, ContentType.WARNING, warnings,
                ContentType.EXERCISE, Variations.exercises(progressions, regressions));
    }
}
