package org.sacrum.content.entity;

import org.sacrum.platform.entity.ProblemException;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The content types Sacrum stores: name in JSON, plural in URLs, Java model and JSON Schema. */
public enum ContentType {
    EXERCISE("exercise", "exercises", Exercise.class),
    CONDITION("condition", "conditions", Condition.class),
    WARNING("warning", "warnings", Warning.class),
    PODCAST_EPISODE("podcast-episode", "podcast-episodes", PodcastEpisode.class),
    TREATMENT("treatment", "treatments", Treatment.class),
    HABIT("habit", "habits", Habit.class);

    private final String id;
    private final String plural;
    private final Class<? extends Content> model;

    ContentType(String id, String plural, Class<? extends Content> model) {
        this.id = id;
        this.plural = plural;
        this.model = model;
    }

    public String id() {
        return id;
    }

    public String plural() {
        return plural;
    }

    public Class<? extends Content> model() {
        return model;
    }

    public String schemaFile() {
        return id + ".schema.json";
    }

    public static Optional<ContentType> byPlural(String plural) {
        return Arrays.stream(values()).filter(t -> t.plural.equals(plural)).findFirst();
    }

    /** The type a URL names, or a 404 problem naming the types there are (the name shown cut to 40 characters). */
    public static ContentType byPluralOrNotFound(String plural) {
        return byPlural(plural).orElseThrow(() -> ProblemException.notFound("No content type '"
                + (plural.length() > 40 ? plural.substring(0, 40) + "…" : plural) + "'; the types are "
                + Arrays.stream(values()).map(ContentType::plural).collect(Collectors.joining(", ")) + "."));
    }

    public static Optional<ContentType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
