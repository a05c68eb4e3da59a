package org.sacrum.delivery.control;

import org.sacrum.content.control.ContentModel;
import org.sacrum.content.control.Facets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one delivery list page over the listing index (entry_facet rows carry type, locale, slug and publication
 * instant; every published entry has a {@code '*'/'*'} row). The page is read in order from one facet value's index,
 * the "driver", and stops after limit matches: the facet value with the fewest published entries drives.
 * <p>
 * Why each page costs about the same whatever the filters and the depth (issue #17):
 * <ul>
 * <li><b>Other filters are checked inside the driver's index entry.</b> Every listing row carries the entry's whole
 * facet set ({@code tags}, its values' facet_count ids " 12 45 78 ", the indexes' last column, V15), so
 * {@code stage=trimester-2} (id 45) is a {@code LIKE '% 45 %'} on the entry the index scan already holds, not an index probe of 3-4 pages per
 * driver row. A row whose set was too long to carry (null) is checked against its facet rows, as before.</li>
 * <li><b>A topic is one index value.</b> A topic filter means the topic and its sub-topics; the index lists every
 * entry under each of its topics and their ancestors ({@link Facets#TOPIC_WITHIN}), so {@code topic=back-pain} reads
 * one ordered value instead of merging three. Only the given topics with no ancestor among them are looked up.</li>
 * <li><b>Several values of one filter</b> (equipment=chair,ball) drive only when they hold at most {@link #SORT_BOUND}
 * entries (all read and sorted); otherwise a single-valued filter drives, or the unfiltered listing, each checked
 * in-row.</li>
 * <li><b>Deep pages by cursor.</b> With {@code after} ({@link ListCursor}) the page starts after the last item's sort
 * key in the index (keyset), reading one page whatever the depth; page numbers still read and skip (OFFSET), so they
 * reach the first {@link DeliveryQuery#MAX_DEPTH} results only ({@link DeliveryQuery#MAX_SEARCH_DEPTH} with q, whose walk
 * checks every row it skips). Each page's next link carries a cursor.</li>
 * <li><b>q: the index that reads fewer rows drives</b> ({@link #ginReadsLess}, from PostgreSQL's statistics of the
 * words, {@link SearchShares}): a rare word through the GIN index (asked for that word only; every word is then checked
 * on its few matches), a common one by reading the list in order with q checked per row, a page's worth of matches.</li>
 * </ul>
 * Totals come from the maintained counts when the filter is one value or none (exact); otherwise the page itself
 * tells (it reads one row more than it shows: a page that is not full ends the list), and only a full page before
 * {@link #COUNT_BOUND} (or any full cursor page) is counted, up to that bound; beyond, a lower bound. A q with many
 * matches is never counted (that would read ten pages' worth of rows checking q): a full page gives a lower bound.
 *
 * @param sql          the page: entry id, slug (and, sorted by publication, its instant) in order, one more than
 *                     {@code limit} when there are more
 * @param params       its positional parameters
 * @param countSql     the bounded count (at most {@link #cap} + 1), or null: then {@link #exactTotal} answers, or when
 *                     it is -1 (q with many matches) only the page tells
 * @param countParams  the count's positional parameters (the page's without the cursor's)
 * @param exactTotal   the maintained count of the single facet value (or of all), or -1 when it must be counted
 * @param cap          above this many matches the total is "at least cap + 1"
 * @param keyset       whether the page starts at a cursor (its offset is then unknown)
 * @param budget       for a walk with q from the start or a cursor: how far it may read before the GIN plan answers;
 *                     otherwise null
 */
public record ListingPlan(String sql, List<Object> params, String countSql, List<Object> countParams, long exactTotal, int cap,
                          int offset, int limit, boolean keyset, Budget budget) {
    /**
     * A walk with q read in order may meet its matches late (a word of the slugs, sorted by slug, sits in one stretch
     * of the list): it reads at most {@code rows} driver rows, up to the sort key {@link #sql} gives (the row at that
     * depth, read from the index alone), and when those hold no full page the GIN plan {@code fallback} answers.
     *
     * @param sql      the sort key (slug, and the instant when sorted by it) of the last driver row the walk may read;
     *                 no row: the driver ends sooner, and the walk is complete
     * @param params   its parameters
     * @param rows     how many driver rows that is
     * @param fallback the plan through the GIN index
     * @param bound    the page's condition "no further than that sort key" in the list's order: its placeholders take
     *                 the slug, or the instant twice and then the slug when sorted by publication
     */
    public record Budget(String sql, List<Object> params, long rows, ListingPlan fallback, String bound) {
    }

    /** A plan without a budget. */
    public ListingPlan(String sql, List<Object> params, String countSql, List<Object> countParams, long exactTotal, int cap,
                       int offset, int limit, boolean keyset) {
        this(sql, params, countSql, countParams, exactTotal, cap, offset, limit, keyset, null);
    }

    /** The walk, reading no further than the budget's last row ({@code key}: slug, and instant when sorted by it). */
    public ListingPlan upTo(Object[] key) {
        boolean published = key.length > 1;
        if (published && key[1] == null) {
            return this; // an entry without an instant (none is published so): no bound, the walk is the driver's
        }
        List<Object> bounded = new ArrayList<>(params);
        bounded.addAll(published ? List.of(key[1], key[1], key[0]) : List.of(key[0]));
        int at = sql.lastIndexOf(" ORDER BY "); // the page's own order, which build() writes last; it takes no parameters
        return new ListingPlan(sql.substring(0, at) + budget.bound() + sql.substring(at), List.copyOf(bounded), countSql, countParams,
                exactTotal, cap, offset, limit, keyset, budget);
    }

    /** The driver's marker row: every published entry has one. */
    public static final String ALL = "*";
    /**
     * Counted totals are exact up to this many matches (ten pages of 20), or to the end of a deeper page: the count
     * reads about this many matches divided by the share of the driver's rows that match, so it must stay small.
     */
    public static final int COUNT_BOUND = 200;
    /**
     * A driver with several values is read whole and sorted when it matches at most this many entries; above, a
     * single-valued filter or the unfiltered listing drives and each row is checked.
     */
    static final long SORT_BOUND = 5_000;
    /** A walk with q may always read this many driver rows before the GIN plan is asked instead. */
    static final long MIN_BUDGET = 500;

    /** A plan without a cursor (page numbers). */
    public static ListingPlan of(String type, String locale, Map<String, List<String>> facets, SearchMatch search,
                                 String sort, int offset, int limit, Map<String, Long> counts, Map<String, Long> ids) {
        return of(type, locale, facets, search, sort, offset, limit, null, counts, ids);
    }

    /** Whether the plan answers without a query: a value filtered on has no count row, so nothing matches. */
    public boolean empty() {
        return sql == null;
    }

    /**
     * @param facets  the filter as DeliveryQuery gives it (a topic with its sub-topics)
     * @param after   the cursor the page starts after, or null (then offset says where)
     * @param counts published entries per facet value of this type and locale ("name\tvalue" keys; ALL for all),
     *               as far as {@link #countKeys} asks; a value missing has none
     * @param ids     the facet_count id of each of those values (same keys): what the rows' tags carry
     * @param search q's condition on the entry_search row, or null; with q the plan reads the fewer rows of two (see
     *               {@link #ginReadsLess}): the GIN index gives every entry holding q's rarest word, all words are checked
     *               on them, the filters looked up, and the rest sorted (counted up to the bound); or the page is read in
     *               order as without q (entry_search's ordered index when there is no filter, else the listing's driver
     *               with the filters in-row) and q is checked on each row, stopping after a page's worth of matches
     *               (not counted: the page tells, a full one gives a lower bound)
     */
    public static ListingPlan of(String type, String locale, Map<String, List<String>> facets, SearchMatch search,
                                 String sort, int offset, int limit, ListCursor after, Map<String, Long> counts,
                                 Map<String, Long> ids) {
        return build(type, locale, facets, search, sort, offset, limit, after, counts, ids, false);
    }

    private static ListingPlan build(String type, String locale, Map<String, List<String>> facets, SearchMatch search,
                                     String sort, int offset, int limit, ListCursor after, Map<String, Long> counts,
                                     Map<String, Long> ids, boolean forceGin) {
        Map<String, List<String>> indexed = indexed(facets);
        if (indexed.entrySet().stream().anyMatch(e -> e.getValue().stream().noneMatch(v -> ids.containsKey(key(e.getKey(), v))))) {
            // a filter none of whose values any entry ever had (no count row, no id): nothing matches, nothing is read
            return new ListingPlan(null, List.of(), null, List.of(), 0, Math.max(COUNT_BOUND, offset + limit),
                    after == null ? offset : 0, limit, after != null);
        }
        long all = counts.getOrDefault(key(ALL, ALL), 0L);
        // the facets by how many entries their values hold, fewest first (ties by name): the first that can give the
        // page in order drives, and the others are checked in that order, the one most likely to reject a row first
        Map<String, Long> matchesOf = new java.util.HashMap<>();
        indexed.forEach((name, values) -> matchesOf.put(name, values.stream().mapToLong(v -> counts.getOrDefault(key(name, v), 0L)).sum()));
        List<String> byMatches = indexed.keySet().stream()
                .sorted(Comparator.comparing((String name) -> matchesOf.get(name)).thenComparing(name -> name)).toList();
        String canDrive = byMatches.stream()
                .filter(name -> indexed.get(name).size() == 1 || matchesOf.get(name) <= SORT_BOUND).findFirst().orElse(null);
        int skip = after == null ? offset : 0;
        boolean gin = search != null && (forceGin || ginReadsLess(search, all, canDrive, indexed, matchesOf, skip + limit + 1));
        String driver = gin ? null : canDrive;
        long driverMatches = driver == null ? all : matchesOf.get(driver);
        List<String> driverValues = driver == null ? List.of(ALL) : indexed.get(driver);
        boolean ordered = driverValues.size() == 1; // one value: its index gives the page in order
        // entry_search itself drives when q is all there is (its ordered indexes, q checked in the row) or when GIN does
        boolean searchDrives = gin || search != null && indexed.isEmpty();
        List<Object> params = new ArrayList<>();
        StringBuilder where;
        String group = "";
        if (gin) {
            // the matches of q's rarest word first, all words checked on them (OFFSET 0: planned alone, so the GIN
            // index reads them whatever the sort), then filtered and sorted: few matches, so few rows
            where = new StringBuilder(" FROM (SELECT s.entry_id, s.content_type, s.locale, s.slug, s.published_at FROM entry_search s WHERE ")
                    .append(search.indexed("s"));
            params.addAll(search.indexedParams());
            if (!search.indexedIsAll()) {
                where.append(" AND ").append(search.check("s"));
                params.addAll(search.checkParams());
            }
            where.append(" OFFSET 0 ROWS) d WHERE d.content_type = ? AND d.locale = ?");
            params.addAll(List.of(type, locale));
        } else if (searchDrives) { // many matches and no filter: read in order, q checked on each row, a page's worth
            where = new StringBuilder(" FROM entry_search d WHERE d.content_type = ? AND d.locale = ? AND ").append(search.check("d"));
            params.addAll(List.of(type, locale));
            params.addAll(search.checkParams());
        } else {
            where = new StringBuilder(" FROM entry_facet d WHERE d.content_type = ? AND d.locale = ? AND d.name = ?");
            params.addAll(List.of(type, locale, driver == null ? ALL : driver));
            if (ordered) {
                where.append(" AND d.val = ?");
                params.add(driverValues.get(0));
            } else { // few matches: all rows of the values are read, one per entry kept, and sorted
                where.append(" AND d.val IN (").append(marks(driverValues.size())).append(")");
                params.addAll(driverValues);
                group = " GROUP BY d.entry_id, d.slug, d.published_at";
            }
        }
        for (String name : byMatches) {
            if (name.equals(driver)) {
                continue;
            }
            where.append(" AND (");
            if (!searchDrives) {
                // in the row the index gives: the value's id among its tags; a row without tags looks its facets up
                for (String value : indexed.get(name)) {
                    Long id = ids.get(key(name, value));
                    if (id != null) { // a value without an id is carried by no row
                        where.append("d.tags LIKE ? OR ");
                        params.add("% " + id + " %");
                    }
                }
                where.append("d.tags IS NULL AND ");
            }
            // OFFSET 0 keeps the lookup per row: as a join PostgreSQL would read every match of the facet
            where.append("EXISTS (SELECT 1 FROM entry_facet f WHERE f.entry_id = d.entry_id AND f.name = ? AND f.val IN (")
                    .append(marks(indexed.get(name).size())).append(") OFFSET 0 ROWS))");
            params.add(name);
            params.addAll(indexed.get(name));
        }
        if (search != null && !searchDrives) { // a listing row drives: q checked on its entry's search row, by key
            where.append(" AND EXISTS (SELECT 1 FROM entry_search s WHERE s.entry_id = d.entry_id AND ").append(search.check("s"))
                    .append(" OFFSET 0 ROWS)");
            params.addAll(search.checkParams());
        }
        String order = switch (sort) {
            case "published" -> " ORDER BY d.published_at, d.slug";
            case "-published" -> " ORDER BY d.published_at DESC, d.slug";
            case "-slug" -> " ORDER BY d.slug DESC";
            default -> " ORDER BY d.slug";
        };
        String upToKey = switch (sort) { // a walk's budget: rows no further in this order than a sort key (see upTo)
            case "published" -> " AND (d.published_at < ? OR d.published_at = ? AND d.slug <= ?)";
            case "-published" -> " AND (d.published_at > ? OR d.published_at = ? AND d.slug <= ?)";
            case "-slug" -> " AND d.slug >= ?";
            default -> " AND d.slug <= ?";
        };
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = after == null ? "" : keyset(sort, after, pageParams);
        // the last row's sort key makes the next cursor; published_at only when sorted by it (else index-only by slug)
        String columns = sort.endsWith("published") ? "SELECT d.entry_id, d.slug, d.published_at" : "SELECT d.entry_id, d.slug";
        String sql = columns + where + keyset + group + order
                + " OFFSET " + skip + " ROWS FETCH NEXT " + (limit + 1) + " ROWS ONLY";
        boolean exact = search == null && (indexed.isEmpty() || indexed.size() == 1 && driver != null && ordered);
        int cap = Math.max(COUNT_BOUND, skip + limit);
        // q with many matches is not counted: counting 200 of them would read ten pages' worth of rows (the page tells)
        boolean counted = !exact && (search == null || gin);
        String countSql = !counted ? null : "SELECT COUNT(*) FROM (SELECT d.entry_id" + where + group + " FETCH FIRST " + (cap + 1) + " ROWS ONLY) t";
        Budget budget = null;
        // a page by number skips what it passes, as without q: read on (the GIN plan would read every match of the word)
        if (search != null && !gin && ordered && !forceGin && skip == 0) {
            long rows = budgetRows(walkRows(search, all, driver, indexed, matchesOf, skip + limit + 1), all * search.share());
            if (rows < driverMatches) { // else the walk ends with the driver anyway
                StringBuilder last = new StringBuilder(sort.endsWith("published") ? "SELECT d.slug, d.published_at" : "SELECT d.slug");
                List<Object> lastParams = new ArrayList<>(List.of(type, locale));
                if (searchDrives) {
                    last.append(" FROM entry_search d WHERE d.content_type = ? AND d.locale = ?");
                } else {
                    last.append(" FROM entry_facet d WHERE d.content_type = ? AND d.locale = ? AND d.name = ? AND d.val = ?");
                    lastParams.addAll(List.of(driver == null ? ALL : driver, driverValues.get(0)));
                }
                String lastKeyset = after == null ? "" : keyset(sort, after, lastParams);
                last.append(lastKeyset).append(order).append(" OFFSET ").append(rows - 1).append(" ROWS FETCH NEXT 1 ROWS ONLY");
                budget = new Budget(last.toString(), List.copyOf(lastParams), rows,
                        build(type, locale, facets, search, sort, offset, limit, after, counts, ids, true), upToKey);
            }
        }
        return new ListingPlan(sql, List.copyOf(pageParams), countSql, List.copyOf(params), exact ? driverMatches : -1, cap, skip, limit,
                after != null, budget);
    }

    /**
     * How many driver rows a walk with q may read before the GIN plan answers instead: four times what it is expected
     * to read (at least {@link #MIN_BUDGET}), and no more than the GIN plan would read (then that one would have been
     * cheaper: at worst the two cost twice the better).
     */
    static long budgetRows(double expectedWalk, double ginRows) {
        return (long) Math.ceil(Math.max(MIN_BUDGET, Math.min(4 * expectedWalk, ginRows)));
    }

    /**
     * With q: whether the GIN index reads fewer rows than the ordered walk. The GIN plan reads every entry holding q's
     * rarest word (all of them × its estimated share); the walk reads rows in order until {@code wanted} match (the
     * page, the rows it skips and one more), about {@code wanted} divided by the share of driver rows that match q and
     * the other filters (taken as independent), and at most all of the driver's rows; a driver of several values is read
     * whole. A cost in rows: each is one heap page either way (the walk's probe of q by key a few more).
     */
    static boolean ginReadsLess(SearchMatch search, long all, String canDrive, Map<String, List<String>> indexed,
                                Map<String, Long> matchesOf, int wanted) {
        return all * search.share() < walkRows(search, all, canDrive, indexed, matchesOf, wanted);
    }

    /** The driver rows a walk with q is expected to read (see {@link #ginReadsLess}). */
    static double walkRows(SearchMatch search, long all, String canDrive, Map<String, List<String>> indexed,
                           Map<String, Long> matchesOf, int wanted) {
        long driverRows = canDrive == null ? all : matchesOf.get(canDrive);
        double matching = search.share();
        for (String name : indexed.keySet()) {
            if (!name.equals(canDrive)) {
                matching *= all == 0 ? 0 : Math.min(1.0, (double) matchesOf.get(name) / all);
            }
        }
        boolean ordered = canDrive == null || indexed.get(canDrive).size() == 1;
        return !ordered ? driverRows : matching <= 0 ? driverRows : Math.min(driverRows, wanted / matching);
    }

    /**
     * The filter as the index answers it: a topic (given with its sub-topics) becomes the topics given that have no
     * ancestor among them, looked up as {@link Facets#TOPIC_WITHIN}; the other facets as they are.
     */
    static Map<String, List<String>> indexed(Map<String, List<String>> facets) {
        Map<String, List<String>> indexed = new java.util.TreeMap<>(facets);
        List<String> topics = indexed.remove("topic");
        if (topics != null) {
            indexed.put(Facets.TOPIC_WITHIN, topics.stream().filter(t -> topics.stream()
                    .noneMatch(other -> !other.equals(t) && ContentModel.topicWithDescendants(other).contains(t))).toList());
        }
        return indexed;
    }

    /** The page starts after the cursor's item in the sort's order (slugs are unique within a type and locale). */
    private static String keyset(String sort, ListCursor after, List<Object> params) {
        switch (sort) {
            case "published", "-published" -> {
                boolean up = sort.equals("published");
                // the first comparison bounds the index scan; the second steps over the equal instants already shown
                java.sql.Timestamp at = java.sql.Timestamp.valueOf(after.publishedAt());
                params.addAll(List.of(at, at, after.slug()));
                return up ? " AND d.published_at >= ? AND (d.published_at > ? OR d.slug > ?)"
                        : " AND d.published_at <= ? AND (d.published_at < ? OR d.slug > ?)";
            }
            case "-slug" -> {
                params.add(after.slug());
                return " AND d.slug < ?";
            }
            default -> {
                params.add(after.slug());
                return " AND d.slug > ?";
            }
        }
    }

    /** The counts a plan needs: of ALL and of every value filtered on. */
    public static List<String[]> countKeys(Map<String, List<String>> facets) {
        List<String[]> keys = new ArrayList<>();
        keys.add(new String[] {ALL, ALL});
        indexed(facets).forEach((name, values) -> values.forEach(v -> keys.add(new String[] {name, v})));
        keys.sort(Comparator.comparing((String[] k) -> k[0]).thenComparing(k -> k[1]));
        return keys;
    }

    /**
     * The total, given how many rows the page query returned ({@code fetched}, at most limit + 1); {@code count} runs
     * {@link #countSql} and is called only when neither the maintained counts nor the page can tell.
     */
    public Total total(int fetched, java.util.function.LongSupplier count) {
        if (exactTotal >= 0) {
            return new Total(exactTotal, true);
        }
        if (countSql == null) { // q with many matches: only the page tells
            if (!keyset && fetched <= limit && (fetched > 0 || offset == 0)) {
                return new Total(offset + (long) fetched, true); // the page holds the last match
            }
            long seen = Math.min(fetched, limit + 1L); // at least this page (and one more when full)
            return new Total(keyset ? seen : offset + seen, false);
        }
        if (keyset) { // where the page is in the list is unknown: the whole list is counted, up to the bound
            long counted = count.getAsLong();
            return new Total(Math.min(counted, cap + 1L), counted <= cap);
        }
        if (fetched > limit && offset + limit >= COUNT_BOUND) {
            return new Total(offset + limit + 1L, false); // deep: at least this page and one more
        }
        if (fetched <= limit && (fetched > 0 || offset == 0)) {
            return new Total(offset + (long) fetched, true); // the page holds the last match
        }
        long counted = count.getAsLong(); // a full early page, or past the end
        return new Total(Math.min(counted, cap + 1L), counted <= cap);
    }

    /** Whether a full page needs the count query (for tools showing what a list sends). */
    public boolean countsFullPage() {
        return exactTotal < 0 && countSql != null && (keyset || offset + limit < COUNT_BOUND);
    }

    /** A list's total; when not exact, a lower bound. */
    public record Total(long value, boolean exact) {
    }

    public static String key(String name, String value) {
        return name + "\t" + value;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
