package org.sacrum.content.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The topic taxonomy of content-model/topics.json, as loaded and checked when Sacrum deploys. */
public final class Taxonomy {
    private final JsonArray topics;
    private final Set<String> slugs;

    /** The topics as topics.json lists them: objects with slug, title and an optional parent (already checked). */
    public Taxonomy(JsonArray topics) {
        this.topics = topics;
        Set<String> all = new LinkedHashSet<>();
        topics.getValuesAs(JsonObject.class).forEach(t -> all.add(t.getString("slug")));
        this.slugs = Set.copyOf(all);
    }

    public JsonArray topics() {
        return topics;
    }

    public boolean contains(String slug) {
        return slugs.contains(slug);
    }

    public Set<String> slugs() {
        return slugs;
    }

    /** The topic and every topic below it ("back-pain" also means "low-back-pain"). */
    public List<String> withDescendants(String slug) {
        List<String> found = new ArrayList<>(List.of(slug));
        for (int i = 0; i < found.size(); i++) {
            String parent = found.get(i);
            topics.getValuesAs(JsonObject.class).stream().filter(t -> parent.equals(t.getString("parent", null)))
                    .map(t -> t.getString("slug")).filter(s -> !found.contains(s)).forEach(found::add);
        }
        return found;
    }
}
