package org.sacrum.content.control;

import org.sacrum.content.entity.Content;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Exercise;
import org.sacrum.content.entity.Habit;
import org.sacrum.content.entity.Treatment;
import org.sacrum.content.entity.KebabCase;
import org.sacrum.content.entity.Warning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The facets a content item can be filtered by in delivery, declared once: their names and how each is read from content. */
public final class Facets {
    public static final List<String> NAMES = List.of("topic", "stage", "equipment", "region", "urgency", "condition", "warning");
    /** The facets each type has, which delivery lets its lists be filtered by; {@link #facets} reads no other. */
    private static final Map<ContentType, Set<String>> BY_TYPE = Map.of(
            ContentType.EXERCISE, Set.of("topic", "condition", "warning", "stage", "equipment", "region"),
            ContentType.CONDITION, Set.of("topic", "condition", "warning"),
            ContentType.WARNING, Set.of("topic", "condition", "stage", "urgency"),
            ContentType.PODCAST_EPISODE, Set.of("topic", "condition"),
            ContentType.TREATMENT, Set.of("topic", "condition", "warning", "stage"),
            ContentType.HABIT, Set.of("topic", "condition", "warning", "stage"));

    private Facets() {
    }

    public record Facet(String name, String value) {
    }

    public static Set<String> of(ContentType type) {
        return BY_TYPE.get(type);
    }

    public static Set<Facet> facets(Content content) {
        Set<Facet> facets = new LinkedHashSet<>();
        add(facets, "topic", content.topics());
        content.links().forEach((type, slugs) -> {
            if (type == ContentType.CONDITION) {
                add(facets, "condition", slugs);
            } else if (type == ContentType.WARNING) {
                add(facets, "warning", slugs);
            }
        });
        if (content instanceof Exercise e) {
            add(facets, "equipment", kebab(e.equipment()));
            add(facets, "region", kebab(e.bodyRegions()));
            if (e.stages() != null) {
                add(facets, "stage", e.stages().stream().filter(Objects::nonNull).map(s -> s.stage().json()).toList());
            }
        } else if (content instanceof Treatment t) {
            add(facets, "stage", kebab(t.stages()));
        } else if (content instanceof Habit h) {
            add(facets, "stage", kebab(h.stages()));
        } else if (content instanceof Warning w) {
            add(facets, "stage", kebab(w.stages()));
            if (w.urgency() != null) {
                facets.add(new Facet("urgency", w.urgency().json()));
            }
        }
        return facets;
    }

    private static List<String> kebab(List<? extends KebabCase> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(KebabCase::json).toList();
    }

    private static void add(Set<Facet> facets, String name, List<String> values) {
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(v -> facets.add(new Facet(name, v)));
        }
    }
}
