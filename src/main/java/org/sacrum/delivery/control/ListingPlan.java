package org.sacrum.delivery.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one delivery list page over the listing index (entry_facet rows carry type, locale, slug and publication
 * instant; every published entry has a {@code '*'/'*'} row). The page is read in order from one facet's index, the
 * "driver", and stops after offset + limit matches: the facet value with the fewest published entries drives, the
 * other facets are checked per row. Totals come from the maintained counts when the filter is one value or none
 * (exact); otherwise the page itself tells (it reads one row more than it shows: a page that is not full ends the
 * list), and only a full page before {@link #COUNT_BOUND} is counted, up to that bound; beyond, a lower bound.
 *
 * @param sql          the page: entry ids in order, one more than {@code limit} when there are more
 * @param params       its positional parameters
 * @param countSql     null when {@link #exactTotal} answers; otherwise the bounded count (at most {@link #cap} + 1)
 * @param exactTotal   the maintained count of the single facet value (or of all), or -1 when it must be counted
 * @param cap          above this many matches the total is "at least cap + 1"
 */
public record ListingPlan(String sql, List<Object> params, String countSql, long exactTotal, int cap, int offset, int limit) {
    /** The driver's marker row: every published entry has one. */
    public static final String ALL = "*";
    /**
     * Counted totals are exact up to this many matches (ten pages of 20), or to the end of a deeper page: the count
     * reads about this many matches divided by the share of the driver's rows that match, so it must stay small.
     */
    public static final int COUNT_BOUND = 200;
    /**
     * A driver with several values (a topic with its sub-topics) is read whole and sorted when it matches at most
     * this many entries; above, the unfiltered listing drives and each row is checked.
     */
    static final long SORT_BOUND = 5_000;
    /**
     * With q, a filter whose values hold at most this many entries still drives (q is then checked per row by the
     * entry_search primary key); above, entry_search drives and the filters are checked per row.
     */
    static final long SEARCH_FACET_BOUND = 1_000;

    /**
     * @param counts published entries per facet value of this type and locale ("name\tvalue" keys; ALL for all),
     *               as far as the filter's values are concerned; a value missing has none
     * @param search q's condition on the entry_search row, or null: with q, entry_search drives (PostgreSQL's planner
     *               picks its GIN index for rare words or its ordered index for common ones) and every facet is checked,
     *               unless a facet holds at most {@link #SEARCH_FACET_BOUND} entries: that one drives as without q
     */
    public static ListingPlan of(String type, String locale, Map<String, List<String>> facets, SearchMatch search,
                                 String sort, int offset, int limit, Map<String, Long> counts) {
        long all = counts.getOrDefault(key(ALL, ALL), 0L);
        // the facets by how many entries their values hold, fewest first (ties by name): the first drives, and the
        // others are checked in that order, the one most likely to reject a row first
        Map<String, Long> matchesOf = new java.util.HashMap<>();
        facets.forEach((name, values) -> matchesOf.put(name, values.stream().mapToLong(v -> counts.getOrDefault(key(name, v), 0L)).sum()));
        List<String> byMatches = facets.keySet().stream()
                .sorted(Comparator.comparing((String name) -> matchesOf.get(name)).thenComparing(name -> name)).toList();
        boolean searchDrives = search != null && (byMatches.isEmpty() || matchesOf.get(byMatches.get(0)) > SEARCH_FACET_BOUND);
        String driver = byMatches.isEmpty() || searchDrives ? null : byMatches.get(0);
        long driverMatches = driver == null ? all : matchesOf.get(driver);
        List<String> driverValues = driver == null ? List.of(ALL) : facets.get(driver);
        boolean ordered = driverValues.size() == 1; // one value: its index gives the page in order
        boolean sortDriver = !ordered && driverMatches <= SORT_BOUND;
        List<Object> params = new ArrayList<>(List.of(type, locale));
        StringBuilder where = new StringBuilder(" FROM entry_facet d WHERE d.content_type = ? AND d.locale = ? AND d.name = ?");
        String group = "";
        if (searchDrives) {
            where = new StringBuilder(" FROM entry_search d WHERE d.content_type = ? AND d.locale = ? AND ").append(search.sql("d"));
            params.addAll(search.params());
        } else if (ordered) {
            where.append(" AND d.val = ?");
            params.add(driver == null ? ALL : driver);
            params.add(driverValues.get(0));
        } else if (sortDriver) { // few matches: all rows of the values are read, one per entry kept, and sorted
            where.append(" AND d.val IN (").append(marks(driverValues.size())).append(")");
            params.add(driver);
            params.addAll(driverValues);
            group = " GROUP BY d.entry_id, d.slug, d.published_at";
        } else {
            where.append(" AND d.val = ?");
            params.add(ALL);
            params.add(ALL);
        }
        for (String name : byMatches) {
            if (name.equals(driver) && (ordered || sortDriver) && !searchDrives) {
                continue;
            }
            // OFFSET 0 keeps the check a per-row lookup: as a join PostgreSQL would read every match of the facet
            where.append(" AND EXISTS (SELECT 1 FROM entry_facet f WHERE f.entry_id = d.entry_id AND f.name = ? AND f.val IN (")
                    .append(marks(facets.get(name).size())).append(") OFFSET 0 ROWS)");
            params.add(name);
            params.addAll(facets.get(name));
        }
        if (search != null && !searchDrives) {
            where.append(" AND EXISTS (SELECT 1 FROM entry_search s WHERE s.entry_id = d.entry_id AND ").append(search.sql("s")).append(")");
            params.addAll(search.params());
        }
        String order = switch (sort) {
            case "published" -> " ORDER BY d.published_at, d.slug";
            case "-published" -> " ORDER BY d.published_at DESC, d.slug";
            case "-slug" -> " ORDER BY d.slug DESC";
            default -> " ORDER BY d.slug";
        };
        where.append(group);
        String sql = "SELECT d.entry_id" + where + order + " OFFSET " + offset + " ROWS FETCH NEXT " + (limit + 1) + " ROWS ONLY";
        boolean exact = search == null && (facets.isEmpty() || facets.size() == 1 && ordered);
        int cap = Math.max(COUNT_BOUND, offset + limit);
        String countSql = exact ? null : "SELECT COUNT(*) FROM (SELECT d.entry_id" + where + " FETCH FIRST " + (cap + 1) + " ROWS ONLY) t";
        return new ListingPlan(sql, List.copyOf(params), countSql, exact ? driverMatches : -1, cap, offset, limit);
    }

    /** The counts a plan needs: of ALL and of every value filtered on. */
    public static List<String[]> countKeys(Map<String, List<String>> facets) {
        List<String[]> keys = new ArrayList<>();
        keys.add(new String[] {ALL, ALL});
        facets.forEach((name, values) -> values.forEach(v -> keys.add(new String[] {name, v})));
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
        return exactTotal < 0 && offset + limit < COUNT_BOUND;
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
