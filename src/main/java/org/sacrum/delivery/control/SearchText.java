package org.sacrum.delivery.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words search sees, for an entry and for q alike: lower-case runs of letters and digits (any script; combining
 * marks stay inside their word), everything else separates. One class for both sides, so what q asks for is exactly
 * what the index holds (deploy/bench/catalogue.py mirrors it and checks itself against the rows Sacrum wrote).
 */
public final class SearchText {
    /** Longer words are cut here (PostgreSQL refuses lexemes over 2 KB; no real word is this long). */
    public static final int MAX_WORD = 64;
    /** An entry's words stop here: a tsvector holds at most 1 MB, and search needs no more than the first this many characters. */
    public static final int MAX_TEXT = 100_000;

    private SearchText() {
    }

    /** The words of a text, in order, repeats kept. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder word = new StringBuilder();
        int length = 0;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || word.length() > 0 && isWordCharacter(c)) {
                if (length++ < MAX_WORD) {
                    word.appendCodePoint(c);
                }
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                length = 0;
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * An entry's searchable text: the distinct words of its slug and of every string value of its content (not the
     * keys), first seen first, separated by one space, at most {@link #MAX_TEXT} characters.
     */
    public static String document(String slug, JsonObject content) {
        Set<String> distinct = new LinkedHashSet<>(words(slug));
        collect(content, distinct);
        StringBuilder text = new StringBuilder();
        for (String word : distinct) {
            if (text.length() + 1 + word.length() > MAX_TEXT) {
                break;
            }
            text.append(text.length() == 0 ? "" : " ").append(word);
        }
        return text.toString();
    }

    private static void collect(JsonValue value, Set<String> into) {
        if (value instanceof JsonString s) {
            into.addAll(words(s.getString()));
        } else if (value instanceof JsonObject o) {
            o.values().forEach(v -> collect(v, into));
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> collect(v, into));
        }
    }

    /** A letter, a digit or a combining mark (which never starts a word). */
    static boolean isWordCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
