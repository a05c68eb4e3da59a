package org.sacrum.delivery.control;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {
    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertEquals(List.of("knee", "hug", "stretch", "2"), SearchText.words("Knee-hug STRETCH (2)"));
        assertEquals(List.of("50", "off", "a", "b", "c"), SearchText.words("50%_off: a&b|!c:*'"));
        assertEquals(List.of(), SearchText.words(" &|!:*()' -- "));
        assertEquals(List.of(), SearchText.words(null));
    }

    @Test
    void anyScriptIsWordsAndMarksStayInTheirWord() {
        assertEquals(List.of("schwangerschaft", "übungen"), SearchText.words("Schwangerschaft: Übungen"));
        assertEquals(List.of("été"), SearchText.words("E\u0301te\u0301"), "decomposed accents compose (NFC) and stay in the word");
        assertEquals(List.of("योग", "आसन"), SearchText.words("योग, आसन"), "a vowel sign (a mark) does not split a word");
        assertEquals(List.of("孕期运动"), SearchText.words("孕期运动"));
        assertEquals(List.of("a", "b"), SearchText.words("\u0301a \u0301b"), "a mark never starts a word");
    }

    @Test
    void longWordsAreCut() {
        String cut = SearchText.words("x".repeat(500) + " y").get(0);
        assertEquals(SearchText.MAX_WORD, cut.length());
        assertEquals(List.of("x".repeat(SearchText.MAX_WORD), "y"), SearchText.words("x".repeat(500) + " y"));
    }

    @Test
    void aDocumentIsTheDistinctWordsOfTheSlugAndOfEveryStringValueNotTheKeys() {
        var content = Json.createObjectBuilder()
                .add("slug", "knee-hug")
                .add("title", "Knee hug")
                .add("steps", Json.createArrayBuilder().add("Hug your knees.").add("Breathe"))
                .add("dosage", Json.createObjectBuilder().add("reps", 8).add("frequency", "daily"))
                .add("safe", true)
                .build();
        assertEquals("knee hug your knees breathe daily", SearchText.document("knee-hug", content));
    }

    @Test
    void aDocumentStopsAtItsBoundBeforeAWordThatWouldCross() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            many.append("w").append(i).append(' ');
        }
        String text = SearchText.document("s", Json.createObjectBuilder().add("t", many.toString()).build());
        assertTrue(text.length() <= SearchText.MAX_TEXT && text.length() > SearchText.MAX_TEXT - 10, "length " + text.length());
        assertTrue(text.startsWith("s w0 w1 "), text.substring(0, 20));
        assertTrue(!text.endsWith(" "));
    }
}
