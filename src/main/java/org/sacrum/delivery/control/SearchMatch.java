package org.sacrum.delivery.control;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The condition "every word of q is in the entry", on an entry_search row: a word matches the start of a word of the
 * entry (stretch finds stretching), except a word of digits only, which matches that whole number (2 does not find
 * 2012). The SQL holds only placeholders; the words, made by {@link SearchText} of letters, digits and marks alone,
 * travel as parameters.
 *
 * @param words    {@link SearchText#words} of q, one to {@link #MAX_WORDS}
 * @param postgres PostgreSQL answers with the GIN index on the tsvector; elsewhere (H2) a LIKE per word, slow but equal
 */
public record SearchMatch(List<String> words, boolean postgres) {
    /** q holds at most this many words (more is a 400: field q, rule max-words). */
    public static final int MAX_WORDS = 8;

    public SearchMatch {
        words = List.copyOf(words);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q must hold 1 to " + MAX_WORDS + " words, not " + words.size());
        }
        for (String word : words) {
            if (word.isEmpty() || !word.codePoints().allMatch(SearchText::isWordCharacter)) { // no quote, space, % or _
                throw new IllegalArgumentException("not a word of SearchText: " + word);
            }
        }
    }

    public static SearchMatch of(List<String> words, boolean postgres) {
        return new SearchMatch(words, postgres);
    }

    /** The condition on the entry_search row called {@code alias}, to be ANDed to a WHERE clause. */
    public String sql(String alias) {
        if (postgres) {
            // tsquery input, not to_tsquery: the lexemes are taken as they are (the index's lexemes are these same words,
            // see SearchIndexMigration), quoted, and nothing in a word can end the quote or be an operator
            return alias + ".doc @@ CAST(? AS tsquery)";
        }
        return words.stream().map(w -> "(' ' || " + alias + ".words || ' ') LIKE ?").collect(Collectors.joining(" AND ", "(", ")"));
    }

    /** The parameters of {@link #sql}. */
    public List<Object> params() {
        if (postgres) {
            return List.of(tsquery(words));
        }
        List<Object> params = new ArrayList<>();
        words.forEach(w -> params.add("% " + w + (whole(w) ? " %" : "%")));
        return params;
    }

    /** The tsquery text: {@code 'stretch':* & '2'}. */
    static String tsquery(List<String> words) {
        return words.stream().map(w -> "'" + w + "'" + (whole(w) ? "" : ":*")).collect(Collectors.joining(" & "));
    }

    static boolean whole(String word) {
        return word.codePoints().allMatch(Character::isDigit);
    }
}
