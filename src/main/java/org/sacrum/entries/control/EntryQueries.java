package org.sacrum.entries.control;

import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.entries.entity.Entry;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.entries.entity.ReviewComment;
import org.sacrum.entries.entity.State;
import org.sacrum.entries.entity.Currency;

import java.time.LocalDate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds entries. Writers lock the entry row so that transitions of one entry never interleave. */
@Stateless
public class EntryQueries {
    @PersistenceContext
    EntityManager em;

    public Optional<Entry> find(EntryRef ref) {
        return em.createNamedQuery("Entry.bySlug", Entry.class).setParameter("type", ref.type())
                .setParameter("slug", ref.slug()).setParameter("locale", ref.locale()).getResultStream().findFirst();
    }

    public Entry get(EntryRef ref) {
        return find(ref).orElseThrow(() -> ProblemException.notFound("No " + ref + "."));
    }

    /** The entry, locked for update until the transaction ends. */
    public Entry lock(EntryRef ref) {
        return em.createNamedQuery("Entry.bySlug", Entry.class).setParameter("type", ref.type())
                .setParameter("slug", ref.slug()).setParameter("locale", ref.locale())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("No " + ref + "."));
    }

    public List<ReviewComment> comments(Entry entry) {
        return em.createNamedQuery("ReviewComment.ofEntry", ReviewComment.class).setParameter("entry", entry.id()).getResultList();
    }

    /**
     * A page of a type's entries (optionally in one state) whose slug contains search (lower case; null: any), by slug
     * and locale. The page's ids first, then its rows: the ids come from an index holding type, slug, locale, state and
     * id (V18), so the entries before a deep page are skipped on index entries rather than whole rows (page 96 of 100,000
     * read 9,600 rows: 8-20 ms; its index entries: 2 ms), a term found in many slugs is tested on index entries in slug
     * order, and a rare one takes the trigram index (PostgreSQL, V16, on the column since V19). The slug itself is
     * tested, not its lower case: slugs are lower case by their rule and the search text is lower-cased, and
     * lower-casing each slug a walk passes cost as much as the walk.
     */
    /** The link picker's test of a slug (a LIKE pattern bound to it); V19's trigram index is on the column it names. */
    public static final String SLUG_CONTAINS = "slug LIKE ? ESCAPE '!'";

    public List<Entry> ofType(ContentType type, State state, String search, int offset, int limit) {
        var ids = em.createNativeQuery("SELECT id FROM entry WHERE content_type = ?" + (state == null ? "" : " AND state = ?")
                + (search == null ? "" : " AND " + SLUG_CONTAINS) + " ORDER BY slug, locale OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        int p = 1;
        ids.setParameter(p++, type.name());
        if (state != null) {
            ids.setParameter(p++, state.name());
        }
        if (search != null) { // LIKE's own characters match only themselves
            ids.setParameter(p++, "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        ids.setParameter(p++, offset);
        ids.setParameter(p, limit);
        List<String> page = ((List<?>) ids.getResultList()).stream().map(Object::toString).toList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Entry> byId = new java.util.HashMap<>();
        em.createQuery("SELECT e FROM Entry e WHERE e.id IN :ids", Entry.class).setParameter("ids", page).getResultList()
                .forEach(e -> byId.put(e.id(), e));
        return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * A page of a type's published entries whose review currency on {@code today} is the one asked for (optionally only
     * those in one state), soonest next review first: the same rule as {@link org.sacrum.entries.entity.ReviewCurrency#of}.
     */
    public List<Entry> ofCurrency(ContentType type, State state, Currency currency, LocalDate today, int dueSoonDays, int offset, int limit) {
        String jpql = "SELECT e FROM Entry e, Approval a" + currencyRule(type, state, currency)
                + " ORDER BY a.nextReviewDue, e.contentType, e.slug, e.locale";
        var query = em.createQuery(jpql, Entry.class).setFirstResult(offset).setMaxResults(limit);
        return bindCurrency(query, jpql, type, state, today, dueSoonDays).getResultList();
    }

    /** How many published entries (of a type, or of every type when null) have this review currency on {@code today}. */
    public long countOfCurrency(ContentType type, Currency currency, LocalDate today, int dueSoonDays) {
        String jpql = "SELECT COUNT(e) FROM Entry e, Approval a" + currencyRule(type, null, currency);
        return bindCurrency(em.createQuery(jpql, Long.class), jpql, type, null, today, dueSoonDays).getSingleResult();
    }

    private static String currencyRule(ContentType type, State state, Currency currency) {
        String rule = switch (currency) {
            case RE_REVIEW_PENDING -> "e.reReviewReason IS NOT NULL";
            case OVERDUE -> "e.reReviewReason IS NULL AND a.nextReviewDue < :today";
            case DUE_SOON -> "e.reReviewReason IS NULL AND a.nextReviewDue >= :today AND a.nextReviewDue <= :soon";
            case CURRENT -> "e.reReviewReason IS NULL AND a.nextReviewDue > :soon";
        };
        return " WHERE a.id = e.publishedApprovalId AND e.publishedRevision IS NOT NULL"
                + (type == null ? "" : " AND e.contentType = :type") + (state == null ? "" : " AND e.state = :state") + " AND " + rule;
    }

    private static <T> jakarta.persistence.TypedQuery<T> bindCurrency(jakarta.persistence.TypedQuery<T> query, String jpql, ContentType type,
                                                                       State state, LocalDate today, int dueSoonDays) {
        if (type != null) {
            query.setParameter("type", type);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (jpql.contains(":today")) {
            query.setParameter("today", today);
        }
        if (jpql.contains(":soon")) {
            query.setParameter("soon", today.plusDays(dueSoonDays));
        }
        return query;
    }

    /** The first entries of every type in a workflow state, by type and slug (the review queue's sections). */
    public List<Entry> inState(State state, int limit) {
        return em.createQuery("SELECT e FROM Entry e WHERE e.state = :state ORDER BY e.contentType, e.slug, e.locale", Entry.class)
                .setParameter("state", state).setMaxResults(limit).getResultList();
    }

    public long countInState(State state) {
        return em.createQuery("SELECT COUNT(e) FROM Entry e WHERE e.state = :state", Long.class).setParameter("state", state).getSingleResult();
    }

    /** Which of these slugs name live (not archived) entries of the type. */
    public List<String> existing(ContentType type, String locale, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Entry.existingSlugs", String.class).setParameter("type", type)
                .setParameter("locale", locale).setParameter("slugs", slugs).getResultList();
    }

    /** Which of these slugs name entries of the type that the public can see. */
    public List<String> published(ContentType type, String locale, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Entry.publishedSlugs", String.class).setParameter("type", type)
                .setParameter("locale", locale).setParameter("slugs", slugs).getResultList();
    }
}
