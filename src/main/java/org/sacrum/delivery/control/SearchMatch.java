package org.sacrum.delivery.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The condition "every word of q is in the entry", on an entry_search row: a word matches the start of a word of the
 * entry (stretch finds stretching), except a word of digits only, which matches that whole number (2 does not find
 * 2012). The SQL holds only placeholders; the words, made by {@link SearchText} of letters, digits and marks alone,
 * travel as parameters.
 * <p>
 * Two forms, so that the plan, not PostgreSQL's planner, decides which index reads the page (issue #17):
 * {@link #indexed} asks the GIN index for the one rarest word only (a GIN index reads every entry of every word it is
 * given: seven prefixes with "bench" among them cost 200-500 ms at 100,000 entries, one rare number 1 ms), and
 * {@link #check} tests all the words on a row already read ({@code ts_match_vq}, the function behind {@code @@},
 * which no index answers, so the planner cannot turn a per-row check into a GIN scan of a common word).
 *
 * @param words    {@link SearchText#words} of q, one to {@link #MAX_WORDS}
 * @param postgres PostgreSQL answers with the GIN index on the tsvector; elsewhere (H2) a LIKE per word, slow but equal
 * @param shares   each word's estimated share of entries ({@link SearchShares}), in the order of {@code words}
 */
public record SearchMatch(List<String> words, boolean postgres, List<Double> shares) {
    /** q holds at most this many words (more is a 400: field q, rule max-words). */
    public static final int MAX_WORDS = 8;

    public SearchMatch {
        words = List.copyOf(words);
        shares = List.copyOf(shares);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q must hold 1 to " + MAX_WORDS + " words, not " + words.size());
        }
        if (shares.size() != words.size()) {
            throw new IllegalArgumentException("one share per word");
        }
        for (String word : words) {
            if (word.isEmpty() || !word.codePoints().allMatch(SearchText::isWordCharacter)) { // no quote, space, % or _
                throw new IllegalArgumentException("not a word of SearchText: " + word);
            }
        }
    }

    /** Without statistics: every word taken as rare. */
    public static SearchMatch of(List<String> words, boolean postgres) {
        return of(words, postgres, SearchShares.NONE);
    }

    public static SearchMatch of(List<String> words, boolean postgres, SearchShares statistics) {
        return new SearchMatch(words, postgres, words.stream().map(w -> statistics.of(w, whole(w))).toList());
    }

    /** The estimated share of entries q matches: that of its rarest word (its words are seldom independent). */
    public double share() {
        return shares.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The word the GIN index is asked for: the rarest; of equals a number (a whole word), then the longest. */
    String rarest() {
        return words.get(IntStream.range(0, words.size()).boxed()
                .min(Comparator.comparingDouble((Integer i) -> shares.get(i))
                        .thenComparing(i -> whole(words.get(i)) ? 0 : 1)
                        .thenComparing(i -> -words.get(i).length())).orElseThrow());
    }

    /** Whether {@link #indexed} alone is the whole condition (q is one word). */
    public boolean indexedIsAll() {
        return words.size() == 1;
    }

    /** The rarest word on the row called {@code alias}, in the form its GIN index answers (PostgreSQL). */
    public String indexed(String alias) {
        return postgres ? alias + ".doc @@ CAST(? AS tsquery)" : like(alias, 1);
    }

    /** The parameters of {@link #indexed}. */
    public List<Object> indexedParams() {
        String word = rarest();
        return List.of(postgres ? tsquery(List.of(word)) : pattern(word));
    }

    /** Every word, checked on the row called {@code alias} that another index gave (no index answers this form). */
    public String check(String alias) {
        if (postgres) {
            // tsquery input, not to_tsquery: the lexemes are taken as they are (the index's lexemes are these same words,
            // see SearchIndexMigration), quoted, and nothing in a word can end the quote or be an operator
            return "ts_match_vq(" + alias + ".doc, CAST(? AS tsquery))";
        }
        return like(alias, words.size());
    }

    /** The parameters of {@link #check}. */
    public List<Object> checkParams() {
        if (postgres) {
            return List.of(tsquery(words));
        }
        List<Object> params = new ArrayList<>();
        words.forEach(w -> params.add(pattern(w)));
        return params;
    }

    private static String like(String alias, int n) {
        return IntStream.range(0, n).mapToObj(i -> "(' ' || " + alias + ".words || ' ') LIKE ?").collect(Collectors.joining(" AND ", "(", ")"));
    }

    private static String pattern(String word) {
        return "% " + word + (whole(word) ? " %" : "%");
    }

    /** The tsquery text: {@code 'stretch':* & '2'}. */
    static String tsquery(List<String> words) {
        return words.stream().map(w -> "'" + w + "'" + (whole(w) ? "" : ":*")).collect(Collectors.joining(" & "));
    }

    static boolean whole(String word) {
        return word.codePoints().allMatch(Character::isDigit);
    }
}
