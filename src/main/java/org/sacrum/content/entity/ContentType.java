package org.sacrum.content.entity;

import java.util.Arrays;
import java.util.Optional;

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

    public static Optional<ContentType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
