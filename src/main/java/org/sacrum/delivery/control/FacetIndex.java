package org.sacrum.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.Content;
import org.sacrum.content.control.Facets;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;

import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery API's filters (topic, stage, equipment, region, urgency, linked condition) read an index of the
 * published revision's facets, rewritten when an entry is published and cleared when it leaves the public. Each row
 * carries the entry's type, locale, slug and publication instant (a list page is read in order from the index), every
 * published entry has a {@link ListingPlan#ALL} row, and facet_count keeps the number of published entries per value.
 */
@Stateless
public class FacetIndex {
    @PersistenceContext
    EntityManager em;
    @jakarta.inject.Inject
    FacetCountRows countRows;

    /** In the publishing transaction: a filter never sees a publication that did not commit. */
    public void published(@Observes EntryPublished event) {
        index(event.entry(), event.content());
    }

    public void withdrawn(@Observes EntryWithdrawn event) {
        Set<Facets.Facet> before = indexed(event.entry());
        clear(event.entry());
        count(event.entry(), CountChange.between(before, Set.of()));
    }

    void index(Entry entry, Content content) {
        Set<Facets.Facet> before = indexed(entry);
        Set<Facets.Facet> after = Facets.listed(content);
        Map<Facets.Facet, Long> ids = ids(entry, after);
        String tags = Facets.tags(after, ids::get);
        clear(entry);
        Timestamp publishedAt = entry.publishedAt() == null ? null : Timestamp.from(entry.publishedAt());
        after.forEach(f -> em.createNativeQuery("INSERT INTO entry_facet (entry_id, name, val, content_type, locale, slug, published_at, tags)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, entry.id()).setParameter(2, f.name()).setParameter(3, f.value())
                .setParameter(4, entry.contentType().name()).setParameter(5, entry.locale()).setParameter(6, entry.slug())
                .setParameter(7, publishedAt).setParameter(8, tags).executeUpdate());
        count(entry, CountChange.between(before, after));
    }

    /**
     * The facet_count ids of these facets: a value no entry had yet gets its row (total 0) first, in a short
     * transaction of its own (FacetCountRows), so its id exists before any listing row carries it.
     */
    private Map<Facets.Facet, Long> ids(Entry entry, Set<Facets.Facet> facets) {
        Map<Facets.Facet, Long> ids = readIds(entry, facets);
        if (ids.size() < facets.size()) {
            for (Facets.Facet f : facets.stream().filter(f -> !ids.containsKey(f)).sorted(BY_KEY).toList()) {
                try {
                    countRows.ensure(entry.contentType().name(), entry.locale(), f.name(), f.value());
                } catch (jakarta.ejb.EJBException raced) {
                    // another publication created the row first (its key won): the read below finds it
                }
            }
            ids.putAll(readIds(entry, facets));
            if (ids.size() < facets.size()) {
                throw new IllegalStateException("facet_count rows missing for entry " + entry.id());
            }
        }
        return ids;
    }

    private static final java.util.Comparator<Facets.Facet> BY_KEY =
            java.util.Comparator.comparing(Facets.Facet::name).thenComparing(Facets.Facet::value);

    private Map<Facets.Facet, Long> readIds(Entry entry, Set<Facets.Facet> facets) {
        StringBuilder sql = new StringBuilder("SELECT name, val, id FROM facet_count WHERE content_type = ? AND locale = ? AND (");
        List<Object> params = new java.util.ArrayList<>(List.of(entry.contentType().name(), entry.locale()));
        for (Facets.Facet f : facets) {
            sql.append(params.size() == 2 ? "" : " OR ").append("(name = ? AND val = ?)");
            params.add(f.name());
            params.add(f.value());
        }
        jakarta.persistence.Query query = em.createNativeQuery(sql.append(")").toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Facets.Facet, Long> ids = new HashMap<>();
        rows.forEach(r -> ids.put(new Facets.Facet(r[0].toString(), r[1].toString()), ((Number) r[2]).longValue()));
        return ids;
    }

    private Set<Facets.Facet> indexed(Entry entry) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, val FROM entry_facet WHERE entry_id = ?")
                .setParameter(1, entry.id()).getResultList();
        Set<Facets.Facet> facets = new LinkedHashSet<>();
        rows.forEach(r -> facets.add(new Facets.Facet(r[0].toString(), r[1].toString())));
        return facets;
    }

    /**
     * Applies the changes in their (sorted) order, so two publications lock the count rows in the same order. Every
     * value added has its row already ({@link #ids}); the retry stays for a row removed meanwhile (a backup import).
     */
    private void count(Entry entry, List<CountChange> changes) {
        for (CountChange change : changes) {
            int updated = add(entry, change);
            for (int attempt = 0; updated == 0 && change.delta() > 0 && attempt < 3; attempt++) {
                try {
                    countRows.ensure(entry.contentType().name(), entry.locale(), change.name(), change.value());
                } catch (jakarta.ejb.EJBException raced) {
                    // another publication created the row first (its key won): the UPDATE now finds it
                }
                updated = add(entry, change);
            }
        }
    }

    private int add(Entry entry, CountChange change) {
        return em.createNativeQuery("UPDATE facet_count SET total = total + ? WHERE content_type = ? AND locale = ?"
                        + " AND name = ? AND val = ?")
                .setParameter(1, change.delta()).setParameter(2, entry.contentType().name()).setParameter(3, entry.locale())
                .setParameter(4, change.name()).setParameter(5, change.value()).executeUpdate();
    }

    void clear(Entry entry) {
        em.createNativeQuery("DELETE FROM entry_facet WHERE entry_id = ?").setParameter(1, entry.id()).executeUpdate();
    }
}
