package org.sacrum.delivery.control;

import java.util.Locale;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.entity.Revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the public may see: only entries with a published revision, and only that revision. */
@Stateless
public class DeliveryQueries {
    @PersistenceContext
    EntityManager em;

    public record Filter(ContentType type, String locale, Map<String, List<String>> facets, String q) {
    }

    public record Page(List<Published> items, long total) {
    }

    /** An entry with the revision the public sees (or, in preview, the latest). */
    public record Published(Entry entry, Revision revision) {
    }

    public Page search(Filter filter, String sort, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        boolean text = filter.q() != null && !filter.q().isBlank();
        // the revision is joined only to search its text; facets come from their own index
        StringBuilder where = new StringBuilder(" FROM entry e"
                + (text ? " JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision" : "")
                + " WHERE e.content_type = ? AND e.locale = ? AND e.published_revision IS NOT NULL");
        params.add(filter.type().name());
        params.add(filter.locale());
        filter.facets().forEach((name, values) -> {
            // values of one facet are alternatives (OR); different facets must all match (AND)
            where.append(" AND EXISTS (SELECT 1 FROM entry_facet f WHERE f.entry_id = e.id AND f.name = ? AND f.val IN (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append("))");
            params.add(name);
            params.addAll(values);
        });
        if (text) {
            where.append(" AND LOWER(r.content) LIKE ? ESCAPE '\\'");
            params.add("%" + filter.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String order = switch (sort) {
            case "published" -> " ORDER BY e.published_at, e.slug";
            case "-published" -> " ORDER BY e.published_at DESC, e.slug";
            case "-slug" -> " ORDER BY e.slug DESC";
            default -> " ORDER BY e.slug";
        };
        // one pass gives the page and the total (a window count over all matching rows)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT e.id, COUNT(*) OVER ()" + where + order
                + " LIMIT " + limit + " OFFSET " + offset), params).getResultList();
        long total = rows.isEmpty() ? countAll(where.toString(), params, offset) : ((Number) rows.get(0)[1]).longValue();
        return new Page(load(rows.stream().map(r -> r[0].toString()).toList(), false), total);
    }

    /** The total when the page is past the end (the window count has no row to ride on). */
    private long countAll(String where, List<Object> params, int offset) {
        if (offset == 0) {
            return 0;
        }
        return ((Number) bind(em.createNativeQuery("SELECT COUNT(*)" + where), params).getSingleResult()).longValue();
    }

    /** Published (or, for previews, latest) entries with these ids, in the order given. */
    public List<Published> load(List<String> ids, boolean latest) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String number = latest ? "e.latestRevision" : "e.publishedRevision";
        List<Object[]> rows = em.createQuery("SELECT e, r FROM Entry e, Revision r WHERE r.entryId = e.id AND r.number = "
                + number + " AND e.id IN :ids", Object[].class).setParameter("ids", ids).getResultList();
        Map<String, Published> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Entry) row[0]).id(), new Published((Entry) row[0], (Revision) row[1])));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    /** The entries with the revisions these past publications showed, in the order given. */
    public List<Published> shown(List<Publication> publications) {
        if (publications.isEmpty()) {
            return List.of();
        }
        List<Long> ids = publications.stream().map(Publication::id).toList();
        List<Object[]> rows = em.createQuery("SELECT p.id, e, r FROM Publication p, Entry e, Revision r WHERE e.id = p.entryId"
                + " AND r.entryId = p.entryId AND r.number = p.revisionNumber AND p.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList();
        Map<Long, Published> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), new Published((Entry) row[1], (Revision) row[2])));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    /** Published entries of a type among these slugs, in slug order: unpublished links are simply absent. */
    public List<Published> publishedBySlugs(ContentType type, String locale, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<String> ids = em.createQuery("SELECT e.id FROM Entry e WHERE e.contentType = :type AND e.locale = :locale"
                        + " AND e.slug IN :slugs AND e.publishedRevision IS NOT NULL ORDER BY e.slug", String.class)
                .setParameter("type", type).setParameter("locale", locale).setParameter("slugs", slugs).getResultList();
        return load(ids, false);
    }

    /**
     * Back-links: the published entries of a locale whose published revision links to this slug through the facet
     * (e.g. "warning"), by content type, in slug order.
     */
    public Map<ContentType, List<String>> linkingTo(String facet, String slug, String locale) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.content_type, e.slug FROM entry e JOIN entry_facet f ON f.entry_id = e.id"
                        + " WHERE f.name = ? AND f.val = ? AND e.locale = ? AND e.published_revision IS NOT NULL ORDER BY e.slug")
                .setParameter(1, facet).setParameter(2, slug).setParameter(3, locale).getResultList();
        Map<ContentType, List<String>> links = new java.util.EnumMap<>(ContentType.class);
        rows.forEach(r -> links.computeIfAbsent(ContentType.valueOf(r[0].toString()), t -> new ArrayList<>()).add(r[1].toString()));
        return links;
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
