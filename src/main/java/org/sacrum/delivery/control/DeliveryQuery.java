package org.sacrum.delivery.control;

import org.sacrum.content.control.Facets;

import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.TextLimits;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.control.WholeNumber;
import org.sacrum.platform.entity.Paging;
import org.sacrum.platform.entity.PointInTime;

import java.time.Instant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query string of a delivery read, checked and normalised. Every parameter is known, given at most once and
 * bounded; anything else is a 400 listing every broken rule. {@link #canonical()} (known parameters only, sorted,
 * normalised values) is what the response cache keys on, so no two spellings of one query occupy two entries.
 */
public record DeliveryQuery(ContentType type, boolean list, String locale, Map<String, List<String>> facets, String q,
                            String sort, int page, int size, Set<ContentType> included, boolean preview, boolean jsonLd,
                            Instant asOf, ListCursor after) {
    static final String TYPES = java.util.Arrays.stream(ContentType.values()).map(ContentType::plural).collect(Collectors.joining(", "));
    static final List<String> SORTS = List.of("slug", "-slug", "published", "-published");
    static final Set<String> LIST_PARAMETERS = Set.of("locale", "include", "q", "sort", "page", "size", "format", "preview", "after");
    static final Set<String> ENTRY_PARAMETERS = Set.of("locale", "include", "format", "preview", "asOf");
    public static final String DEFAULT_LOCALE = "en-GB";
    public static final int MAX_SIZE = 100;
    /**
     * The deepest result a page number reaches: page × size may not exceed this. A page number skips what it passes
     * (OFFSET), so its cost grows with depth; beyond, the next link's cursor reads on at one page's cost (issue #17).
     */
    public static final int MAX_DEPTH = 1_000;
    /**
     * With q, page numbers reach the first 200 results (ten pages of 20, as far as q's totals are counted): a list
     * read in order checks q on every row it passes, about 1.5 µs each in PostgreSQL whatever the index, so page 50 of a
     * word in one entry of seven read 7,000 rows (20-27 ms at 100,000 exercises) where page 10 reads 1,500 (issue #17).
     */
    public static final int MAX_SEARCH_DEPTH = 200;
    static final int MAX_Q = 200;
    static final int MAX_VALUE = 100;
    static final int MAX_FILTER_VALUES = 20;
    /** At most this many violations are listed: a query with thousands of bad parameters gets a short answer. */
    static final int MAX_VIOLATIONS = 20;
    private static final int MAX_NAME_SHOWN = 40;
    private static final Pattern LOCALE = Pattern.compile(TextLimits.LOCALE_PATTERN);
    private static final Pattern FILTER_VALUE = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    /** Checks a list query (GET /api/v1/{type}). */
    public static DeliveryQuery parseList(ContentType type, Map<String, List<String>> params) {
        return parse(type, true, params);
    }

    /** Checks an entry query (GET /api/v1/{type}/{slug}). */
    public static DeliveryQuery parseEntry(ContentType type, Map<String, List<String>> params) {
        return parse(type, false, params);
    }

    private static DeliveryQuery parse(ContentType type, boolean list, Map<String, List<String>> params) {
        Violations bad = new Violations();
        Set<String> filters = list ? Facets.of(type) : Set.of();
        Set<String> known = list ? LIST_PARAMETERS : ENTRY_PARAMETERS;
        Map<String, String> single = new TreeMap<>();
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            String name = param.getKey();
            List<String> values = param.getValue() == null || param.getValue().isEmpty() ? List.of("") : param.getValue();
            if (!known.contains(name) && !filters.contains(name)) {
                if (list && Facets.NAMES.contains(name)) {
                    bad.add(name, "filter-not-supported", type.plural() + " can be filtered by " + String.join(", ", new TreeSet<>(filters)));
                } else {
                    bad.add(shown(name), "unknown-parameter", "unknown parameter; this endpoint takes "
                            + String.join(", ", union(known, filters)));
                }
            } else if (values.size() > 1) {
                bad.add(name, "repeated", "give it once (several filter values go comma-separated in one parameter)");
            } else {
                single.put(name, values.get(0) == null ? "" : values.get(0));
            }
        }
        String locale = single.getOrDefault("locale", DEFAULT_LOCALE);
        if (locale.length() > 5 || !LOCALE.matcher(locale).matches()) {
            bad.add("locale", "locale", "must be a language tag such as en-GB");
        }
        Set<ContentType> included = included(single.get("include"), bad);
        boolean preview = bool("preview", single.get("preview"), bad);
        if (preview && list) {
            bad.add("preview", "detail-only", "preview is for one entry at a time: GET /api/v1/{type}/{slug}?preview=true");
        }
        String format = single.get("format");
        boolean jsonLd = "jsonld".equals(format);
        if (format != null && !format.equals("json") && !(jsonLd && !list)) {
            bad.add("format", "one-of", list ? "lists are JSON only: json" : "must be json or jsonld");
        }
        Instant asOf = null;
        if (single.containsKey("asOf")) { // that it is not in the future is checked against SacrumClock by the resource
            Violation broken = PointInTime.check("asOf", single.get("asOf"), null);
            if (broken != null) {
                bad.add(broken.field(), broken.rule(), broken.message());
            } else if (preview) {
                bad.add("asOf", "not-with-preview", "a preview shows the latest draft, which was never public: ask for one or the other");
            } else {
                asOf = PointInTime.parse(single.get("asOf"));
            }
        }
        String q = null;
        String sort = "slug";
        int page = 1;
        int size = 20;
        Map<String, List<String>> facets = new TreeMap<>();
        ListCursor after = null;
        if (list) {
            q = single.get("q");
            if (q != null) {
                q = q.strip();
                if (q.length() > MAX_Q) {
                    bad.add("q", "max-length", "at most " + MAX_Q + " characters");
                    q = null;
                } else if (q.isEmpty()) {
                    q = null;
                } else {
                    int words = SearchText.words(q).size();
                    if (words == 0) {
                        bad.add("q", "has-word", "must hold a word: letters or digits (anything else only separates words)");
                    } else if (words > SearchMatch.MAX_WORDS) {
                        bad.add("q", "max-words", "at most " + SearchMatch.MAX_WORDS + " words");
                    }
                }
            }
            sort = single.getOrDefault("sort", sort);
            if (!SORTS.contains(sort)) {
                bad.add("sort", "one-of", "must be one of " + String.join(", ", SORTS));
            }
            // any page number that fits is checked against the depth, so a deep one is told how to read on
            page = integer("page", single.get("page"), 1, 1, Integer.MAX_VALUE, bad);
            size = integer("size", single.get("size"), 20, 1, MAX_SIZE, bad);
            Violation tooDeep = Paging.tooDeep(page, size, q == null ? MAX_DEPTH : MAX_SEARCH_DEPTH);
            if (tooDeep != null) {
                bad.add(tooDeep.field(), tooDeep.rule(), (q == null ? "" : "with q, ") + tooDeep.message()
                        + "; to read further, follow the next link (an after= cursor) from an earlier page");
            }
            if (single.containsKey("after")) { // keyset paging: the page after the item the cursor names
                if (single.containsKey("page")) {
                    bad.add("after", "not-with-page", "a cursor already says where the page starts: give after or page, not both");
                } else if (SORTS.contains(sort)) {
                    after = ListCursor.parse(single.get("after"), sort, bad);
                }
            }
            for (String name : filters) {
                if (single.containsKey(name)) {
                    facetValues(name, single.get(name), bad).ifPresent(values -> facets.put(name, values));
                }
            }
        }
        if (!bad.isEmpty()) {
            throw bad.problem();
        }
        return new DeliveryQuery(type, list, locale, Collections.unmodifiableMap(facets), q, sort, page, size,
                Collections.unmodifiableSet(included), preview, jsonLd, asOf, after);
    }

    /**
     * The normalised query: known parameters in name order, each with its normalised value, defaults left out,
     * percent-encoded. Equal queries give equal strings; it is also a valid query string for the same request.
     */
    public String canonical() {
        SortedMap<String, String> params = new TreeMap<>();
        facets.forEach((name, values) -> params.put(name, String.join(",", values)));
        if (!included.isEmpty()) {
            params.put("include", included.stream().map(ContentType::plural).sorted().collect(Collectors.joining(",")));
        }
        if (!locale.equals(DEFAULT_LOCALE)) {
            params.put("locale", locale);
        }
        if (list) {
            if (q != null) {
                params.put("q", q);
            }
            if (!sort.equals("slug")) {
                params.put("sort", sort);
            }
            if (page != 1) {
                params.put("page", Integer.toString(page));
            }
            if (after != null) {
                params.put("after", after.token());
            }
            if (size != 20) {
                params.put("size", Integer.toString(size));
            }
        }
        if (jsonLd) {
            params.put("format", "jsonld");
        }
        if (preview) {
            params.put("preview", "true");
        }
        if (asOf != null) {
            params.put("asOf", asOf.toString());
        }
        return params.entrySet().stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue())).collect(Collectors.joining("&"));
    }

    /** This query at another page, as a relative link (RFC 8288 allows it: a cached response must carry no caller's host). */
    public String pageLink(String path, int otherPage) {
        return link(path, "page", Integer.toString(otherPage));
    }

    /** This query continued after the cursor (the next link of a page): no page number, the cursor in its place. */
    public String cursorLink(String path, ListCursor next) {
        return link(path, "after", next.token());
    }

    /** The canonical query with its position (page or cursor) replaced by this one. */
    private String link(String path, String position, String value) {
        SortedMap<String, String> params = new TreeMap<>();
        for (String pair : canonical().split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("page=") && !pair.startsWith("after=")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        params.put(position, value);
        return path + "?" + params.entrySet().stream().map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining("&"));
    }

    private static java.util.Optional<List<String>> facetValues(String name, String raw, Violations bad) {
        if (raw.length() > MAX_FILTER_VALUES * (MAX_VALUE + 1)) {
            bad.add(name, "values", "give 1 to " + MAX_FILTER_VALUES + " comma-separated values of at most " + MAX_VALUE + " characters");
            return java.util.Optional.empty();
        }
        TreeSet<String> values = new TreeSet<>();
        for (String part : raw.split(",")) {
            String v = part.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (v.length() > MAX_VALUE || !FILTER_VALUE.matcher(v).matches()) {
                bad.add(name, "value", "values are slugs: lower-case letters, digits and dashes, at most " + MAX_VALUE + " characters");
                return java.util.Optional.empty();
            }
            values.add(v);
        }
        if (values.isEmpty() || values.size() > MAX_FILTER_VALUES) {
            bad.add(name, "values", "give 1 to " + MAX_FILTER_VALUES + " comma-separated values");
            return java.util.Optional.empty();
        }
        if (name.equals("topic")) { // a topic matches its sub-topics too
            new ArrayList<>(values).forEach(v -> values.addAll(ContentModel.topicWithDescendants(v)));
        }
        return java.util.Optional.of(List.copyOf(values));
    }

    private static Set<ContentType> included(String raw, Violations bad) {
        Set<ContentType> types = EnumSet.noneOf(ContentType.class);
        if (raw == null || raw.isBlank()) {
            return types;
        }
        if (raw.length() > 100) {
            bad.add("include", "max-length", "at most 100 characters: use " + TYPES);
            return types;
        }
        for (String name : raw.split(",")) {
            ContentType.byPlural(name.strip()).ifPresentOrElse(types::add,
                    () -> bad.add("include", "one-of", "'" + name.strip() + "' is not a content type; use " + TYPES));
        }
        return types;
    }

    private static boolean bool(String name, String raw, Violations bad) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        bad.add(name, "boolean", "must be true or false");
        return false;
    }

    /** A whole number in [min, max]; absent gives the default. Out of range or not a number is a violation (-1 returned). */
    static int integer(String name, String raw, int defaultValue, int min, int max, Violations bad) {
        if (raw == null) {
            return defaultValue;
        }
        Violation broken = WholeNumber.check(name, raw, min, max);
        if (broken != null) {
            bad.add(broken.field(), broken.rule(), broken.message());
            return -1;
        }
        return Integer.parseInt(raw);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A parameter name as echoed back: bounded, so that a hostile name cannot inflate the answer. */
    private static String shown(String name) {
        return name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Violations collected while parsing, at most {@link #MAX_VIOLATIONS} of them kept. */
    public static final class Violations {
        private final List<Violation> kept = new ArrayList<>();
        private int count;

        public void add(String field, String rule, String message) {
            if (count++ < MAX_VIOLATIONS) {
                kept.add(new Violation(field, rule, message));
            }
        }

        public boolean isEmpty() {
            return count == 0;
        }

        public ProblemException problem() {
            return ProblemException.badRequest("invalid-query", "The query breaks " + count + " rule(s)"
                    + (count > kept.size() ? "; the first " + kept.size() + " are listed." : "."), kept);
        }
    }
}
