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

    /** The facet name under which an entry is listed for every topic it has and every ancestor of those (V15). */
    public static final String TOPIC_WITHIN = "topic-within";
    /** The longest {@link #tags} kept; a longer set is not carried in the row (a B-tree entry has a size limit). */
    public static final int MAX_TAGS = 1500;

    /**
     * What the delivery listing indexes for a content item: its {@link #facets}, its listing row ({@code '*'/'*'}) and
     * a {@link #TOPIC_WITHIN} row per topic it has or lies below ("low-back-pain" is also within "back-pain").
     */
    public static Set<Facet> listed(Content content) {
        Set<Facet> listed = new LinkedHashSet<>(facets(content));
        listed.add(new Facet("*", "*"));
        Set<String> within = new java.util.TreeSet<>();
        if (content.topics() != null) {
            content.topics().stream().filter(Objects::nonNull).forEach(within::add);
        }
        for (String topic : ContentModel.topicSlugs()) {
            if (ContentModel.topicWithDescendants(topic).stream().anyMatch(within::contains)) {
                within.add(topic);
            }
        }
        within.forEach(t -> listed.add(new Facet(TOPIC_WITHIN, t)));
        return listed;
    }

    /** Whether a listing row's set carries this facet: not the listing row, not "topic" ({@link #TOPIC_WITHIN} answers it). */
    public static boolean tagged(Facet facet) {
        return !facet.name().equals("*") && !facet.name().equals("topic");
    }

    /**
     * The facet set every listing row of an entry carries, so that a filter is checked inside the row: the
     * {@link #tagged} facets as their facet_count ids, {@code " 12 45 78 "} in numeric order (a check is
     * {@code LIKE '% 45 %'}); null when longer than {@link #MAX_TAGS} (such a row is checked against its facet rows).
     *
     * @param idOf a facet's facet_count id (its row exists before the entry's rows are written)
     */
    public static String tags(Set<Facet> listed, java.util.function.ToLongFunction<Facet> idOf) {
        String tags = " " + listed.stream().filter(Facets::tagged).mapToLong(idOf).sorted().distinct()
                .mapToObj(id -> id + " ").collect(java.util.stream.Collectors.joining());
        return tags.length() <= MAX_TAGS ? tags : null;
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
