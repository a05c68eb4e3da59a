package org.sacrum.delivery.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.entity.Revision;
import org.sacrum.platform.control.SacrumDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what the public may see: only entries with a published revision, and only that revision. */
@Stateless
public class DeliveryQueries {
    @PersistenceContext
    EntityManager em;
    @Resource(lookup = SacrumDataSource.JNDI_NAME)
    DataSource dataSource;
    private static volatile Boolean postgres;
    /** How long the words' statistics are kept before they are read again (ANALYZE changes them seldom). */
    static final long SHARES_AGE_MS = 5 * 60_000;
    private static volatile SearchShares shares;
    private static volatile long sharesReadAt;

    public record Filter(ContentType type, String locale, Map<String, List<String>> facets, String q) {
    }

    /**
     * A page of a list; {@code total} is exact, or when {@code exact} is false a lower bound ("at least");
     * {@code next} is where the next page starts, null when this one is the last.
     */
    public record Page(List<Shown> items, long total, boolean exact, ListCursor next) {
    }

    /** An entry with the revision the public sees (or, in preview, the latest). */
    public record Published(Entry entry, Revision revision) {
    }

    /** A page of a list: from offset, or after the cursor when one is given. */
    public Page search(Filter filter, String sort, int offset, int limit, ListCursor after) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> facetIds = new HashMap<>();
        counts(filter, counts, facetIds);
        SearchMatch match = filter.q() == null ? null
                : SearchMatch.of(SearchText.words(filter.q()), postgres(), postgres() ? searchShares() : SearchShares.ALL_COMMON);
        ListingPlan plan = ListingPlan.of(filter.type().name(), filter.locale(), filter.facets(), match,
                sort, offset, limit, after, counts, facetIds);
        if (plan.empty()) {
            return new Page(List.of(), 0, true, null);
        }
        List<Object[]> rows;
        if (plan.budget() == null) {
            rows = page(plan);
        } else { // a walk with q reads at most the budget's rows; when they hold no full page, the GIN index answers
            List<?> last = bind(em.createNativeQuery(plan.budget().sql()), plan.budget().params()).getResultList();
            if (last.isEmpty()) {
                rows = page(plan); // the driver ends within the budget
            } else {
                Object key = last.get(0);
                rows = page(plan.upTo(key instanceof Object[] pair ? pair : new Object[] {key}));
                if (rows.size() <= limit) {
                    plan = plan.budget().fallback();
                    rows = page(plan);
                }
            }
        }
        ListingPlan answered = plan;
        List<String> ids = rows.stream().limit(limit).map(r -> r[0].toString()).toList();
        ListingPlan.Total total = answered.total(rows.size(),
                () -> ((Number) bind(em.createNativeQuery(answered.countSql()), answered.countParams()).getSingleResult()).longValue());
        ListCursor next = null;
        if (rows.size() > limit) { // the last item shown is where the next page starts
            Object[] last = rows.get(limit - 1);
            boolean published = sort.endsWith("published");
            if (!published || last[2] != null) {
                next = new ListCursor(sort, published ? stored(last[2]) : null, last[1].toString());
            }
        }
        return new Page(rendered(published(ids)), total.value(), total.exact(), next);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(ListingPlan plan) {
        return bind(em.createNativeQuery(plan.sql()), plan.params()).getResultList();
    }

    private static java.time.LocalDateTime stored(Object instant) {
        return instant instanceof java.time.LocalDateTime local ? local : ((java.sql.Timestamp) instant).toLocalDateTime();
    }

    /** Whether the database is PostgreSQL (q uses its full-text index) rather than H2; asked once. */
    private boolean postgres() {
        if (postgres == null) {
            try (Connection connection = dataSource.getConnection()) {
                postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("The database did not tell its product name", e);
            }
        }
        return postgres;
    }

    /**
     * How common q's words are, from PostgreSQL's statistics of entry_search.doc (kept by ANALYZE, autovacuum), read
     * at most every {@link #SHARES_AGE_MS} ms: one small catalogue query, not a scan.
     */
    private SearchShares searchShares() {
        long now = System.currentTimeMillis();
        if (shares == null || now - sharesReadAt > SHARES_AGE_MS) {
            try (Connection connection = dataSource.getConnection();
                 java.sql.PreparedStatement stats = connection.prepareStatement("SELECT CAST(most_common_elems AS TEXT),"
                         + " CAST(most_common_elem_freqs AS TEXT) FROM pg_stats WHERE tablename = 'entry_search' AND attname = 'doc'"
                         + " AND schemaname = current_schema()");
                 java.sql.ResultSet rs = stats.executeQuery()) {
                shares = rs.next() ? SearchShares.parse(rs.getString(1), rs.getString(2)) : SearchShares.NONE;
            } catch (SQLException e) { // statistics are an optimisation: without them every word is taken as rare
                shares = SearchShares.NONE;
            }
            sharesReadAt = now;
        }
        return shares;
    }

    /**
     * The maintained counts of published entries for all of a type and locale and for each value filtered on, and
     * those values' ids (what the listing rows' tags carry).
     */
    private void counts(Filter filter, Map<String, Long> counts, Map<String, Long> ids) {
        List<String[]> keys = ListingPlan.countKeys(filter.facets());
        StringBuilder sql = new StringBuilder("SELECT name, val, total, id FROM facet_count WHERE content_type = ? AND locale = ? AND (");
        List<Object> params = new ArrayList<>(List.of(filter.type().name(), filter.locale()));
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(name = ? AND val = ?)");
            params.add(keys.get(i)[0]);
            params.add(keys.get(i)[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.append(")").toString()), params).getResultList();
        for (Object[] r : rows) {
            String key = ListingPlan.key(r[0].toString(), r[1].toString());
            counts.put(key, ((Number) r[2]).longValue());
            ids.put(key, ((Number) r[3]).longValue());
        }
    }

    /** Published entries with these ids and their published revisions' ids (no content), in the order given. */
    private List<Linked> published(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT e, r.id, r.number FROM Entry e, Revision r WHERE r.entryId = e.id"
                + " AND r.number = e.publishedRevision AND e.id IN :ids", Object[].class).setParameter("ids", ids).getResultList();
        Map<String, Linked> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Entry) row[0]).id(), Linked.of(row)));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    /** An entry as a view shows it: the number of the revision shown, and that revision worked out ({@link RenderedRevisions}). */
    public record Shown(Entry entry, int revision, RenderedRevisions.Rendered rendered) {
        public static Shown of(Published p) {
            return new Shown(p.entry(), p.revision().number(), RenderedRevisions.of(p.entry().contentType(), p.revision()));
        }
    }

    /**
     * These published entries with their revisions worked out, in the order given: a revision's content (tens of
     * kilobytes) is read, in one query for all of them, only where {@link RenderedRevisions} does not hold its view.
     */
    public List<Shown> rendered(List<Linked> linked) {
        // held for this call: the bounded cache may drop a view between this look-up and its use
        Map<String, RenderedRevisions.Rendered> rendered = new HashMap<>();
        Map<String, ContentType> unrendered = new HashMap<>();
        for (Linked l : linked) {
            RenderedRevisions.Rendered known = RenderedRevisions.ifRendered(l.revisionId());
            if (known != null) {
                rendered.put(l.revisionId(), known);
            } else {
                unrendered.put(l.revisionId(), l.entry().contentType());
            }
        }
        revisions(unrendered.keySet()).forEach(r -> rendered.put(r.id(), RenderedRevisions.of(unrendered.get(r.id()), r)));
        List<Shown> shown = new ArrayList<>();
        for (Linked l : linked) {
            RenderedRevisions.Rendered view = rendered.get(l.revisionId());
            if (view != null) { // null only for a revision gone between the two queries, which revisions never are
                shown.add(new Shown(l.entry(), l.revisionNumber(), view));
            }
        }
        return shown;
    }

    /** Entries with these ids and their latest revisions (previews), in the order given. */
    public List<Published> latest(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT e, r FROM Entry e, Revision r WHERE r.entryId = e.id AND r.number = e.latestRevision"
                + " AND e.id IN :ids", Object[].class).setParameter("ids", ids).getResultList();
        Map<String, Published> byId = new HashMap<>();
        rows.forEach(row -> byId.put(((Entry) row[0]).id(), new Published((Entry) row[0], (Revision) row[1])));
        return ids.stream().map(byId::get).filter(p -> p != null).toList();
    }

    /**
     * The published entry with its published revision, in one query; empty when it is not published (or does not exist).
     * The same query reads the approval it was published with, unused here: JPA's shared cache keeps it, so that the
     * view's {@link org.sacrum.entries.control.Approvals#load} finds it there instead of in a query of its own.
     */
    public java.util.Optional<Published> published(EntryRef ref) {
        return em.createQuery("SELECT e, r, a FROM Entry e JOIN Revision r ON r.entryId = e.id LEFT JOIN Approval a ON a.id = e.publishedApprovalId"
                        + " WHERE r.number = e.publishedRevision AND e.contentType = :type AND e.slug = :slug AND e.locale = :locale", Object[].class)
                .setParameter("type", ref.type()).setParameter("slug", ref.slug()).setParameter("locale", ref.locale())
                .getResultStream().findFirst().map(row -> new Published((Entry) row[0], (Revision) row[1]));
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

    /** Published entries of a type among these slugs, with their revisions, in slug order: unpublished links are simply absent. */
    public List<Published> publishedBySlugs(ContentType type, String locale, Collection<String> slugs) {
        List<Published> found = new ArrayList<>();
        bySlugs("r", locale, Map.of(type, slugs)).forEach(row -> found.add(new Published((Entry) row[0], (Revision) row[1])));
        return found;
    }

    /**
     * A published entry with its published revision's id only: the revision's content (tens of kilobytes) is read
     * only for a revision {@link RenderedRevisions} does not hold ({@link #rendered}).
     */
    public record Linked(Entry entry, String revisionId, int revisionNumber) {
        /** From a row of (entry, revision id, revision number): the number from the revision's row, as its content will be. */
        static Linked of(Object[] row) {
            return new Linked((Entry) row[0], (String) row[1], ((Number) row[2]).intValue());
        }
    }

    /**
     * Published entries of a locale among these slugs of each type, in one query (a page's includes: not a query per
     * entry and type), in slug order; unpublished links are simply absent.
     */
    public List<Linked> linkedBySlugs(String locale, Map<ContentType, ? extends Collection<String>> wanted) {
        return bySlugs("r.id, r.number", locale, wanted).stream().map(Linked::of).toList();
    }

    /** These revisions, in one query, in no particular order. */
    private List<Revision> revisions(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : em.createQuery("SELECT r FROM Revision r WHERE r.id IN :ids", Revision.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
    }

    /** Rows of (entry, what {@code revision} selects of its published revision) among these slugs of each type, in slug order. */
    private List<Object[]> bySlugs(String revision, String locale, Map<ContentType, ? extends Collection<String>> wanted) {
        Set<String> slugs = new HashSet<>();
        List<ContentType> types = new ArrayList<>();
        wanted.forEach((type, of) -> {
            if (!of.isEmpty()) {
                types.add(type);
                slugs.addAll(of);
            }
        });
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery("SELECT e, " + revision + " FROM Entry e, Revision r WHERE r.entryId = e.id AND r.number = e.publishedRevision"
                        + " AND e.locale = :locale AND e.contentType IN :types AND e.slug IN :slugs", Object[].class)
                .setParameter("locale", locale).setParameter("types", types).setParameter("slugs", List.copyOf(slugs)).getResultList();
        return rows.stream()
                .filter(row -> {
                    Entry e = (Entry) row[0];
                    Collection<String> of = wanted.get(e.contentType());
                    return of != null && of.contains(e.slug());
                })
                .sorted(java.util.Comparator.comparing((Object[] row) -> ((Entry) row[0]).slug()))
                .toList();
    }

    /** Back-links of one type: its first slugs in order and how many there are in all. */
    public record BackLinks(List<String> slugs, long total) {
    }

    /**
     * Back-links: the published entries of a locale whose published revision links to this slug through the facet
     * (e.g. "warning"), per linking type: the first {@code limit} slugs in slug order, read from the listing index (one
     * ordered index range each), and the total from the maintained counts, so a warning linked from 50,000 exercises
     * costs what one linked from five does.
     */
    public Map<ContentType, BackLinks> linkingTo(String facet, String slug, String locale, List<ContentType> types, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("SELECT content_type, total FROM facet_count WHERE locale = ? AND name = ? AND val = ?")
                .setParameter(1, locale).setParameter(2, facet).setParameter(3, slug).getResultList();
        Map<String, Long> totalOf = new HashMap<>();
        totals.forEach(r -> totalOf.put(r[0].toString(), ((Number) r[1]).longValue()));
        Map<ContentType, BackLinks> links = new java.util.EnumMap<>(ContentType.class);
        for (ContentType type : types) {
            long total = totalOf.getOrDefault(type.name(), 0L);
            List<String> slugs = total == 0 ? List.of() : em.createNativeQuery("SELECT slug FROM entry_facet WHERE content_type = ?"
                            + " AND locale = ? AND name = ? AND val = ? ORDER BY slug FETCH FIRST " + limit + " ROWS ONLY")
                    .setParameter(1, type.name()).setParameter(2, locale).setParameter(3, facet).setParameter(4, slug)
                    .getResultList().stream().map(Object::toString).toList();
            links.put(type, new BackLinks(slugs, total));
        }
        return links;
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
