package org.sacrum.content.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How easy an entry's prose is to read: the Flesch reading ease (206.835 - 1.015 words/sentence - 84.6
 * syllables/word; higher is easier, 60-70 is plain English) over its text fields. Each text field or list item ends a
 * sentence even without a full stop (steps and symptoms are rarely punctuated). Syllables are estimated by vowel
 * groups, so the score is a guide for reviewers, not a measurement. English only: other locales get no score.
 */
public final class ReadingLevel {
    /** Fields that are not prose: identifiers, sources (titles of other works) and machine values. */
    private static final Set<String> NOT_PROSE = Set.of("slug", "locale", "sources", "topics", "media", "url", "audioUrl",
            "pageUrl", "conditions", "exercises", "warnings", "exercise", "condition", "provenance", "transcript");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?|[0-9]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    private ReadingLevel() {
    }

    public record Score(double fleschReadingEase, String band, int words, int sentences) {
    }

    /** The score of an entry's content, or null when it has no English prose. */
    public static Score of(JsonObject content) {
        if (!content.getString("locale", ContentCodec.DEFAULT_LOCALE).startsWith("en")) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        collect(content, texts);
        return score(texts);
    }

    static Score score(List<String> texts) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String text : texts) {
            String plain = text.replaceAll("[*_`#>|\\[\\]()]", " ");
            Matcher m = WORD.matcher(plain);
            int wordsHere = 0;
            while (m.find()) {
                wordsHere++;
                syllables += syllables(m.group());
            }
            if (wordsHere == 0) {
                continue;
            }
            words += wordsHere;
            Matcher ends = SENTENCE_END.matcher(plain.strip());
            int endsHere = 0;
            while (ends.find()) {
                endsHere++;
            }
            boolean lastEnded = plain.strip().matches("(?s).*[.!?]$");
            sentences += endsHere + (lastEnded ? 0 : 1);
        }
        if (words == 0) {
            return null;
        }
        double ease = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
        double rounded = Math.round(ease * 10) / 10.0;
        return new Score(rounded, band(rounded), words, sentences);
    }

    /** Flesch's own bands. */
    static String band(double ease) {
        if (ease >= 90) {
            return "very easy";
        } else if (ease >= 80) {
            return "easy";
        } else if (ease >= 70) {
            return "fairly easy";
        } else if (ease >= 60) {
            return "plain English";
        } else if (ease >= 50) {
            return "fairly difficult";
        } else if (ease >= 30) {
            return "difficult";
        }
        return "very difficult";
    }

    static int syllables(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        String w = word.toLowerCase(Locale.ROOT).replace("'", "");
        int groups = 0;
        Matcher m = VOWEL_GROUP.matcher(w);
        while (m.find()) {
            groups++;
        }
        // a final silent e ("stretch-e", "place"), but not "-le" after a consonant ("ankle") or a word's only vowel
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && groups > 1) {
            groups--;
        }
        return Math.max(1, groups);
    }

    private static void collect(JsonValue value, List<String> texts) {
        if (value instanceof JsonObject o) {
            o.forEach((name, v) -> {
                if (!NOT_PROSE.contains(name)) {
                    collect(v, texts);
                }
            });
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> collect(v, texts));
        } else if (value instanceof JsonString s && s.getString().indexOf(' ') > 0) {
            texts.add(s.getString()); // single words are enumeration values (kebab-case), not prose
        }
    }
}
