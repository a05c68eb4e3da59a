package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchMatchTest {
    static final SearchShares SHARES = SearchShares.of(new String[] {"knee", "stretch", "stretches", "stretching"},
            new float[] {0.2f, 0.3f, 0.1f, 0.3f, 0.1f, 0.3f, 0f});

    @Test
    void postgresAsksTheGinIndexForTheRarestWordAndChecksAllOfThemWithAFunctionNoIndexAnswers() {
        SearchMatch match = SearchMatch.of(SearchText.words("Stretch KNEE 2"), true, SHARES);
        assertEquals("d.doc @@ CAST(? AS tsquery)", match.indexed("d"));
        assertEquals(List.of("'2'"), match.indexedParams(), "the unlisted number is the rarest word");
        assertEquals("ts_match_vq(d.doc, CAST(? AS tsquery))", match.check("d"));
        assertEquals(List.of("'stretch':* & 'knee':* & '2'"), match.checkParams(), "words by their start, a number whole");
        assertEquals(SearchShares.UNKNOWN, match.share(), 1e-9);
        assertEquals(List.of("'knee':*"), SearchMatch.of(List.of("stretch", "knee"), true, SHARES).indexedParams());
        assertFalse(match.indexedIsAll());
        assertTrue(SearchMatch.of(List.of("knee"), true, SHARES).indexedIsAll());
    }

    @Test
    void amongWordsEquallyUnknownTheGinIndexIsAskedForANumberThenTheLongestWord() {
        assertEquals(List.of("'44477'"), SearchMatch.of(List.of("side", "lying", "44477"), true).indexedParams());
        assertEquals(List.of("'straight':*"), SearchMatch.of(List.of("side", "straight", "leg"), true).indexedParams());
    }

    @Test
    void h2AsksALikePerWordWithTheSameMeaning() {
        SearchMatch match = SearchMatch.of(List.of("stretch", "2"), false);
        assertEquals("((' ' || s.words || ' ') LIKE ? AND (' ' || s.words || ' ') LIKE ?)", match.check("s"));
        assertEquals(List.of("% stretch%", "% 2 %"), match.checkParams());
        assertEquals("((' ' || s.words || ' ') LIKE ?)", match.indexed("s"));
        assertEquals(List.of("% 2 %"), match.indexedParams(), "the number, a whole word, is the word asked first");
    }

    @Test
    void hostileTextReachesTheSqlOnlyAsWordsInParameters() {
        String hostile = "') OR 1=1 -- & | ! :* ( ) ' \\ % _ <-> stretch";
        for (boolean postgres : List.of(true, false)) {
            SearchMatch match = SearchMatch.of(SearchText.words(hostile), postgres);
            for (String sql : List.of(match.check("d"), match.indexed("d"))) {
                assertFalse(sql.contains("stretch") || sql.contains("OR 1"), sql);
            }
            for (Object p : new java.util.ArrayList<Object>() {{ addAll(match.checkParams()); addAll(match.indexedParams()); }}) {
                String text = p.toString();
                assertFalse(text.contains("|") || text.contains("!") || text.contains("(") || text.contains("\\")
                        || text.contains("_") || text.contains("<"), text);
            }
        }
        assertEquals("'or':* & '1' & '1' & 'stretch':*", SearchMatch.tsquery(SearchText.words(hostile)));
    }

    @Test
    void onlyTheTokenisersWordsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> SearchMatch.of(List.of(), true));
        assertThrows(IllegalArgumentException.class, () -> SearchMatch.of(List.of("a':*|b"), true));
        assertThrows(IllegalArgumentException.class, () -> SearchMatch.of(List.of("a b"), false));
        assertThrows(IllegalArgumentException.class, () -> SearchMatch.of(SearchText.words("a b c d e f g h i"), true));
        assertTrue(SearchMatch.of(SearchText.words("a b c d e f g h"), true).checkParams().size() == 1);
    }
}
