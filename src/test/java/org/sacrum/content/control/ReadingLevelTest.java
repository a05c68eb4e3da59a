package org.sacrum.content.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReadingLevelTest {
    @Test
    void syllablesAreCountedByVowelGroupsWithASilentFinalE() {
        assertEquals(1, ReadingLevel.syllables("back"));
        assertEquals(1, ReadingLevel.syllables("place"));
        assertEquals(2, ReadingLevel.syllables("ankle"));
        assertEquals(3, ReadingLevel.syllables("exercise"));
        assertEquals(3, ReadingLevel.syllables("pregnancy"));
        assertEquals(2, ReadingLevel.syllables("tailbone"));
        assertEquals(3, ReadingLevel.syllables("sacroiliac"), "an estimate: vowel pairs count once (5 spoken)");
        assertEquals(1, ReadingLevel.syllables("the"));
        assertEquals(1, ReadingLevel.syllables("30"));
    }

    @Test
    void fleschReadingEaseFollowsTheFormula() {
        // 2 sentences, 8 words, 8 syllables: 206.835 - 1.015 * 4 - 84.6 * 1 = 118.2
        ReadingLevel.Score plain = ReadingLevel.score(List.of("The cat sat down. It was not well."));
        assertEquals(2, plain.sentences());
        assertEquals(8, plain.words());
        assertEquals(118.2, plain.fleschReadingEase());
        assertEquals("very easy", plain.band());
        // 1 sentence, 4 words, 16 syllables by the estimate (3 + 3 + 5 + 5): 206.835 - 1.015 * 4 - 84.6 * 4 = -135.6
        ReadingLevel.Score hard = ReadingLevel.score(List.of("Sacroiliac dysfunction necessitates physiotherapy"));
        assertEquals(1, hard.sentences(), "a text without a full stop is one sentence");
        assertEquals(-135.6, hard.fleschReadingEase());
        assertEquals("very difficult", hard.band());
    }

    @Test
    void anEntryIsScoredOverItsProseOnly() {
        JsonObject content = Json.createObjectBuilder()
                .add("title", "Pelvic tilts").add("slug", "pelvic-tilts-with-a-very-long-slug-that-is-not-prose").add("locale", "en-GB")
                .add("summary", "Lie on your back. Bend your knees.")
                .add("equipment", Json.createArrayBuilder().add("mat"))
                .add("steps", Json.createArrayBuilder().add("Flatten your back to the floor").add("Relax your buttocks"))
                .add("sources", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "Extraordinarily complicated institutional publication regarding musculoskeletal physiology")))
                .build();
        ReadingLevel.Score score = ReadingLevel.of(content);
        // "Pelvic tilts" (1), the summary (2), the two steps (1 each): the slug, the enum value and the source are not prose
        assertEquals(5, score.sentences());
        assertEquals(2 + 7 + 6 + 3, score.words());
        assertTrue(score.fleschReadingEase() > 80, score.toString());
    }

    @Test
    void contentWithoutEnglishProseHasNoScore() {
        assertNull(ReadingLevel.of(Json.createObjectBuilder().add("title", "Étirements du bassin").add("locale", "fr-FR").build()));
        assertNull(ReadingLevel.of(Json.createObjectBuilder().add("slug", "only-a-slug").build()));
    }
}
