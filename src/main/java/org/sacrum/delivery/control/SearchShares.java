package org.sacrum.delivery.control;

import java.util.Map;
import java.util.TreeMap;

/**
 * How common a word of q is: the share of entry_search rows that hold it, from PostgreSQL's own statistics of the
 * tsvector column (pg_stats.most_common_elems and their frequencies, which ANALYZE keeps for up to 1,000 lexemes).
 * {@link ListingPlan} uses it to choose who drives a page with q: the GIN index (few matches) or the ordered listing
 * with q checked per row (many). An estimate only: it decides a plan, never an answer.
 * <p>
 * A whole word (a number) has its own frequency; a prefix the sum of the frequencies of the listed words it starts
 * (at most 1). A word the statistics do not list is rarer than all they list: it gets half their lowest frequency, as
 * PostgreSQL's planner assumes ({@code ts_selfuncs.c}), and without statistics (never analysed, H2) the planner's
 * default of 0.5% ({@link #NONE}: few matches, the GIN index drives).
 */
public class SearchShares {
    /** PostgreSQL's DEFAULT_TS_MATCH_SEL: what a word is taken to match when nothing is known. */
    static final double UNKNOWN = 0.005;
    public static final SearchShares NONE = new SearchShares(new TreeMap<>(), UNKNOWN * 2);
    /**
     * Every word in every entry: H2 has no statistics and no GIN index (its q is a LIKE per word either way), so a
     * page is read in order and q checked per row, as PostgreSQL does for common words.
     */
    public static final SearchShares ALL_COMMON = new SearchShares(new TreeMap<>(), UNKNOWN * 2) {
        @Override
        public double of(String word, boolean whole) {
            return 1;
        }
    };

    private final TreeMap<String, Double> frequencies;
    private final double unlisted;

    private SearchShares(TreeMap<String, Double> frequencies, double lowest) {
        this.frequencies = frequencies;
        this.unlisted = Math.min(UNKNOWN, lowest / 2);
    }

    /**
     * @param lexemes     pg_stats.most_common_elems
     * @param frequencies pg_stats.most_common_elem_freqs: one per lexeme, then the lowest, the highest and the null
     *                    share (as PostgreSQL stores them)
     */
    public static SearchShares of(String[] lexemes, float[] frequencies) {
        if (lexemes == null || frequencies == null || lexemes.length == 0 || frequencies.length < lexemes.length) {
            return NONE;
        }
        TreeMap<String, Double> listed = new TreeMap<>();
        double lowest = 1;
        for (int i = 0; i < lexemes.length; i++) {
            listed.put(lexemes[i], (double) frequencies[i]);
            lowest = Math.min(lowest, frequencies[i]);
        }
        return new SearchShares(listed, lowest);
    }

    /**
     * From pg_stats as text: most_common_elems and most_common_elem_freqs, each as PostgreSQL prints an array
     * ({@code {bench,stretch}}, {@code {0.51,0.2,0.01,0.51,0}}); either null or empty: {@link #NONE}.
     */
    public static SearchShares parse(String lexemes, String frequencies) {
        if (lexemes == null || frequencies == null) {
            return NONE;
        }
        String inner = frequencies.strip().replaceAll("[{}]", "");
        if (inner.isEmpty()) {
            return NONE;
        }
        String[] f = inner.split(",");
        float[] parsed = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            parsed[i] = Float.parseFloat(f[i]);
        }
        return of(lexemes(lexemes), parsed);
    }

    /**
     * The lexemes of most_common_elems as PostgreSQL prints an array ({@code {bench,stretch,"null"}}): SearchText's
     * words are letters, digits and marks only, so an element is quoted only when it reads as NULL, and holds no
     * comma, quote or backslash.
     */
    static String[] lexemes(String array) {
        String inner = array.strip();
        if (inner.length() < 2) {
            return new String[0];
        }
        inner = inner.substring(1, inner.length() - 1);
        if (inner.isEmpty()) {
            return new String[0];
        }
        String[] lexemes = inner.split(",");
        for (int i = 0; i < lexemes.length; i++) {
            String l = lexemes[i];
            lexemes[i] = l.length() >= 2 && l.startsWith("\"") && l.endsWith("\"") ? l.substring(1, l.length() - 1) : l;
        }
        return lexemes;
    }

    /** The estimated share of entries holding this word of q (whole: exactly it; otherwise a word it starts). */
    public double of(String word, boolean whole) {
        if (whole) {
            return frequencies.getOrDefault(word, unlisted);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : frequencies.tailMap(word, true).entrySet()) {
            if (!e.getKey().startsWith(word)) {
                break;
            }
            sum += e.getValue();
        }
        return sum == 0 ? unlisted : Math.min(1, sum);
    }
}
