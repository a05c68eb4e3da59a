package org.sacrum.entries.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An approval's link manifest: every entry the approved content links to, as it was then ({@link LinkedRevision}),
 * in canonical order (type id, then slug). Its canonical JSON is what the manifest hash is taken over.
 */
public final class LinkManifest {
    private LinkManifest() {
    }

    /** One line per link, duplicates dropped, sorted by type id and slug. */
    public static List<LinkedRevision> canonical(Collection<LinkedRevision> items) {
        Map<String, LinkedRevision> unique = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing((LinkedRevision l) -> l.type().id()).thenComparing(LinkedRevision::slug))
                .forEach(l -> unique.putIfAbsent(l.key(), l));
        return List.copyOf(unique.values());
    }

    /** Compact JSON, an array of {type, slug, published, revision, contentHash} in canonical order (nulls as null). */
    public static String json(Collection<LinkedRevision> items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LinkedRevision l : canonical(items)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("type", l.type().id()).add("slug", l.slug()).add("published", l.published());
            if (l.revision() == null) {
                o.addNull("revision");
            } else {
                o.add("revision", l.revision());
            }
            if (l.contentHash() == null) {
                o.addNull("contentHash");
            } else {
                o.add("contentHash", l.contentHash());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    /**
     * The links whose public revision now differs from what the manifest recorded: one recorded as published that was
     * republished (another revision) or withdrawn; one recorded as unpublished that is now published at a revision other
     * than the latest one the clinician could read then. One recorded as unpublished and still unpublished is no drift
     * (the reader sees nothing of it). {@code now} holds the same links as they are now (a missing one: gone).
     */
    public static List<LinkDrift> drift(Collection<LinkedRevision> recorded, Collection<LinkedRevision> now) {
        Map<String, LinkedRevision> current = new LinkedHashMap<>();
        now.forEach(n -> current.put(n.key(), n));
        List<LinkDrift> drift = new ArrayList<>();
        for (LinkedRevision r : canonical(recorded)) {
            LinkedRevision n = current.get(r.key());
            boolean nowPublished = n != null && n.published();
            boolean same = nowPublished && Objects.equals(r.revision(), n.revision()) && Objects.equals(r.contentHash(), n.contentHash());
            if (r.published() ? !same : nowPublished && !same) {
                drift.add(new LinkDrift(r.type(), r.slug(), r.published(), r.revision(), nowPublished ? n.revision() : null));
            }
        }
        return drift;
    }
}
