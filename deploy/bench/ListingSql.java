import org.sacrum.content.entity.ContentType;
import org.sacrum.delivery.control.DeliveryQuery;
import org.sacrum.delivery.control.ListingPlan;
import org.sacrum.delivery.control.SearchMatch;
import org.sacrum.delivery.control.SearchShares;
import org.sacrum.delivery.control.SearchText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Prints the SQL Sacrum's DeliveryQueries.search sends for a list query, with its parameters inlined, built by
 * Sacrum's own classes (DeliveryQuery parses the query string, ListingPlan writes the SQL): the benchmark EXPLAINs
 * exactly that. Usage: java -cp target/classes deploy/bench/ListingSql.java COUNTS.tsv TYPE 'query string'
 * [OFFSET] [STATS.tsv] (COUNTS.tsv: "name TAB value TAB total TAB id" lines of facet_count for the type and locale; STATS.tsv:
 * pg_stats' most_common_elems TAB most_common_elem_freqs of entry_search.doc, what q's plan is chosen by). Prints the page's SQL on one
 * line and, when a full page of it needs its total counted (not maintained, not told by the page), the count's SQL.
 * OFFSET, a number, replaces the page number's: the page starting that deep, further than page
 * numbers reach (DeliveryQuery.MAX_DEPTH); the benchmark reads the item a deep cursor starts after from it.
 */
public class ListingSql {
    public static void main(String[] args) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            counts.put(ListingPlan.key(f[0], f[1]), Long.parseLong(f[2]));
            ids.put(ListingPlan.key(f[0], f[1]), Long.parseLong(f[3]));
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : args[2].split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], List.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
        }
        DeliveryQuery query = DeliveryQuery.parseList(ContentType.byPlural(args[1]).orElseThrow(), params);
        // optional, in any order: an offset (a number) and a pg_stats file (a path)
        Integer offset = null;
        SearchShares shares = SearchShares.NONE;
        for (int i = 3; i < args.length; i++) {
            if (args[i].matches("\\d+")) {
                offset = Integer.parseInt(args[i]);
            } else if (Files.size(Path.of(args[i])) > 0) { // pg_stats of entry_search.doc, as DeliveryQueries reads it
                String[] stats = Files.readString(Path.of(args[i])).strip().split("\t");
                shares = SearchShares.parse(stats[0], stats.length > 1 ? stats[1] : null);
            }
        }
        ListingPlan plan = ListingPlan.of(query.type().name(), query.locale(), query.facets(),
                query.q() == null ? null : SearchMatch.of(SearchText.words(query.q()), true, shares),
                query.sort(), offset != null ? offset : (query.page() - 1) * query.size(), query.size(), query.after(), counts, ids);
        if (plan.empty()) {
            throw new IllegalArgumentException("a value filtered on has no facet_count row: Sacrum answers without SQL");
        }
        if (plan.budget() != null) {
            // a walk with q: the sort key at its budget's depth, then the page up to it (here as a subquery each); when
            // that page is not full Sacrum asks plan.budget().fallback() (the GIN plan), which this does not print
            String last = inline(plan.budget().sql(), plan.budget().params());
            System.out.println(last);
            Object[] key = last.startsWith("SELECT d.slug, d.published_at")
                    ? new Object[] {new Raw("(" + last.replace("SELECT d.slug, d.published_at", "SELECT d.slug") + ")"),
                            new Raw("(" + last.replace("SELECT d.slug, d.published_at", "SELECT d.published_at") + ")")}
                    : new Object[] {new Raw("(" + last + ")")};
            ListingPlan bounded = plan.upTo(key);
            System.out.println(inline(bounded.sql(), bounded.params()));
        } else {
            System.out.println(inline(plan.sql(), plan.params()));
        }
        if (plan.countsFullPage()) {
            System.out.println(inline(plan.countSql(), plan.countParams()));
        }
    }

    /** SQL inlined as it is, not as a quoted value. */
    record Raw(String sql) {
    }

    private static String inline(String sql, List<Object> params) {
        for (Object p : params) {
            sql = sql.replaceFirst("\\?", Matcher.quoteReplacement(p instanceof Raw raw ? raw.sql() : "'" + p.toString().replace("'", "''") + "'"));
        }
        return sql;
    }
}
