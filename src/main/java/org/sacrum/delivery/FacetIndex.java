package org.sacrum.delivery;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.Content;
import org.sacrum.content.ContentType;
import org.sacrum.content.Entry;
import org.sacrum.content.Exercise;
import org.sacrum.content.Kebab;
import org.sacrum.content.Warning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The delivery API's filters (topic, stage, equipment, region, urgency, linked condition) read an index of the
 * published revision's facets, rewritten when an entry is published and cleared when it leaves the public.
 */
@Stateless
public class FacetIndex {
    public static final List<String> NAMES = List.of("topic", "stage", "equipment", "region", "urgency", "condition", "warning");

    @PersistenceContext
    EntityManager em;

    public void index(Entry entry, Content content) {
        clear(entry);
        facets(content).forEach(f -> em.createNativeQuery("INSERT INTO entry_facet (entry_id, name, val) VALUES (?, ?, ?)")
                .setParameter(1, entry.id()).setParameter(2, f.name()).setParameter(3, f.value()).executeUpdate());
    }

    public void clear(Entry entry) {
        em.createNativeQuery("DELETE FROM entry_facet WHERE entry_id = ?").setParameter(1, entry.id()).executeUpdate();
    }

    public record Facet(String name, String value) {
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
        } else if (content instanceof Warning w) {
            add(facets, "stage", kebab(w.stages()));
            if (w.urgency() != null) {
                facets.add(new Facet("urgency", w.urgency().json()));
            }
        }
        return facets;
    }

    private static List<String> kebab(List<? extends Kebab> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(Kebab::json).toList();
    }

    private static void add(Set<Facet> facets, String name, List<String> values) {
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(v -> facets.add(new Facet(name, v)));
        }
    }
}
