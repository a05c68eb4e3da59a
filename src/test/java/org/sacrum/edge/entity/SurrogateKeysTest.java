package org.sacrum.edge.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which keys tag which delivery responses, and that a change's keys reach every response showing the entry. */
class SurrogateKeysTest {

    @Test
    void aChangePurgesTheEntryItsListAndTheChangeFeedButNotTheWholeType() {
        assertEquals(List.of("entry:exercise/pelvic-tilts", "list:exercise", "changes"),
                List.copyOf(SurrogateKeys.ofChange("exercise", "pelvic-tilts", "en")));
        assertEquals(SurrogateKeys.ofChange("exercise", "pelvic-tilts", "en"), SurrogateKeys.ofChange("exercises", "pelvic-tilts", "de"),
                "the type as id or plural; keys are locale-blind");
    }

    @Test
    void aDetailCarriesItselfItsTypeAndEveryEntryItLinksTo() {
        Set<String> keys = SurrogateKeys.ofDetail(ContentType.EXERCISE, "pelvic-tilts",
                Map.of(ContentType.WARNING, List.of("calf-pain", "bleeding"), ContentType.CONDITION, List.of("sciatica")));
        assertEquals(Set.of("entry:exercise/pelvic-tilts", "type:exercise", "entry:warning/calf-pain", "entry:warning/bleeding",
                "entry:condition/sciatica"), keys);
    }

    @Test
    void withdrawingOrRepublishingAWarningPurgesTheExercisePagesShowingIt() {
        Set<String> exercisePage = SurrogateKeys.ofDetail(ContentType.EXERCISE, "pelvic-tilts", Map.of(ContentType.WARNING, List.of("calf-pain")));
        Set<String> exerciseList = SurrogateKeys.ofList(ContentType.EXERCISE, Set.of(ContentType.WARNING));
        Set<String> purged = SurrogateKeys.ofChange("warning", "calf-pain", "en");
        assertTrue(purged.stream().anyMatch(exercisePage::contains), "the exercise detail (include=warnings, reReviewReason)");
        assertTrue(purged.stream().anyMatch(exerciseList::contains), "the exercise lists whose items link to warnings");
    }

    @Test
    void everyResponseShowingAnEntryIsPurgedByItsChange() {
        Set<String> purged = SurrogateKeys.ofChange("condition", "sciatica", "en");
        assertTrue(purged.stream().anyMatch(SurrogateKeys.ofDetail(ContentType.CONDITION, "sciatica", Map.of())::contains), "its detail");
        assertTrue(purged.stream().anyMatch(SurrogateKeys.ofList(ContentType.CONDITION, Set.of())::contains), "its lists");
        assertTrue(purged.stream().anyMatch(SurrogateKeys.ofComparison(List.of("sciatica", "spd"))::contains), "a comparison with it");
        assertTrue(purged.contains(SurrogateKeys.CHANGES), "the change feed");
        assertFalse(purged.stream().anyMatch(SurrogateKeys.ofDetail(ContentType.CONDITION, "spd", Map.of())::contains),
                "another condition's page stays cached");
    }

    @Test
    void aWarningsLinkedFromFollowsTheEntriesLinkingToIt() {
        Set<String> warning = SurrogateKeys.ofDetail(ContentType.WARNING, "calf-pain", Map.of());
        for (String linking : List.of("exercise", "condition", "treatment", "habit")) {
            assertTrue(SurrogateKeys.ofChange(linking, "new-one", "en").stream().anyMatch(warning::contains),
                    "publishing a " + linking + " can add it to linkedFrom");
        }
        assertFalse(SurrogateKeys.ofChange("podcast-episode", "ep-1", "en").stream().anyMatch(warning::contains));
    }

    @Test
    void aListCarriesItsListItsTypeAndTheListsOfWhatItsItemsLinkTo() {
        assertEquals(Set.of("list:exercise", "type:exercise", "list:warning", "list:condition"),
                SurrogateKeys.ofList(ContentType.EXERCISE, Set.of(ContentType.WARNING, ContentType.CONDITION)));
    }

    @Test
    void manyLinksAreTaggedByTheirTypesListSoTheHeaderStaysSmall() {
        List<String> slugs = IntStream.range(0, SurrogateKeys.MAX_LINK_KEYS + 1).mapToObj(i -> "w" + i).collect(Collectors.toList());
        Set<String> keys = SurrogateKeys.ofDetail(ContentType.EXERCISE, "busy", Map.of(ContentType.WARNING, slugs));
        assertEquals(Set.of("entry:exercise/busy", "type:exercise", "list:warning"), keys);
        assertTrue(SurrogateKeys.ofChange("warning", "w3", "en").stream().anyMatch(keys::contains), "still purged by any of them");
    }

    @Test
    void nothingButKeyCharactersReachesAHeader() {
        assertEquals(Set.of("list:exercise", "changes"), SurrogateKeys.ofChange("exercise", "a\r\nX-Evil: 1", "en"));
        assertEquals(Set.of("list:exercise", "changes"), SurrogateKeys.ofChange("exercise", "two words", "en"));
        assertEquals(Set.of("changes"), SurrogateKeys.ofChange(null, null, null));
        assertEquals("entry:exercise/a type:exercise", SurrogateKeys.header(SurrogateKeys.ofDetail(ContentType.EXERCISE, "a", Map.of())));
    }
}
