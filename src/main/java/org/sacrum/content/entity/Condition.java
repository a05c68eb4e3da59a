package org.sacrum.content.entity;


import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A condition (content-model/schemas/condition.schema.json). */
@ProvenanceResolves
public record Condition(
        @NotBlank @Size(min = 3, max = TextLimits.TITLE) String title,
        @NotBlank @Slug String slug,
        @NotNull(groups = Complete.class) @Pattern(regexp = TextLimits.LOCALE_PATTERN) String locale,
        @NotNull(groups = Complete.class) @ShortText String summary,
        @Size(max = 4) @UniqueItems List<@NotNull Audience> audience,
        @Size(max = 50) List<@NotNull @ShortText String> alsoKnownAs,
        @NotNull(groups = Complete.class) @Markdown String whereFelt,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> symptoms,
        @Size(max = 50) List<@NotNull @ShortText String> aggravatedBy,
        @Size(max = 50) List<@NotNull @ShortText String> easedBy,
        @Size(max = 20) List<@NotNull @Valid Differential> differentials,
        @Valid DifferentialFeatures features,
        @Size(max = 50) List<@NotNull @Valid RiskFactor> riskFactors,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> causes,
        @NotEmpty(groups = Complete.class) @Size(max = 50) List<@NotNull @ShortText String> selfManagement,
        @NotNull(groups = Complete.class) @Markdown String whenToSeekCare,
        @Markdown String professionalTreatment,
        @Markdown String outlook,
        @Size(max = 30) List<@NotNull @Valid CommonQuestion> commonQuestions,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> exercises,
        @Size(max = 50) @UniqueItems List<@NotNull @Slug String> warnings,
        @Size(max = 20) List<@NotNull @Valid Media> media,
        @NotEmpty(groups = Complete.class) @Size(max = 50) @UniqueItems @KnownTopics List<@NotNull @Slug String> topics,
        @NotEmpty(groups = Complete.class) @Size(max = 30) List<@NotNull @Valid Citation> sources,
        @Size(max = 200) List<@NotNull @Valid FieldProvenance> provenance,
        @AssertTrue(message = "sample may only be true") Boolean sample) implements Content {

    @Override
    public Map<ContentType, List<String>> links() {
        List<String> lookAlikes = new ArrayList<>();
        if (differentials != null) {
            differentials.stream().filter(d -> d != null && d.condition() != null).forEach(d -> lookAlikes.add(d.condition()));
        }
        return Links.of(ContentType.EXERCISE, exercises, ContentType.WARNING, warnings, ContentType.CONDITION, lookAlikes);
    }
}
