package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchMatchTest {
    @Test
    void postgresAsksTheTsvectorWithOneParameter() {
        SearchMatch match = SearchMatch.of(SearchText.words("Stretch KNEE 2"), true);
        assertEquals("d.doc @@ CAST(? AS tsquery)", match.sql("d"));
        assertEquals(List.of("'stretch':* & 'knee':* & '2'"), match.params(), "words by their start, a number whole");
    }

    @Test
    void h2AsksALikePerWordWithTheSameMeaning() {
        SearchMatch match = SearchMatch.of(List.of("stretch", "2"), false);
        assertEquals("((' ' || s.words || ' ') LIKE ? AND (' ' || s.words || ' ') LIKE ?)", match.sql("s"));
        assertEquals(List.of("% stretch%", "% 2 %"), match.params());
    }

    @Test
    void hostileTextReachesTheSqlOnlyAsWordsInParameters() {
        String hostile = "') OR 1=1 -- & | ! :* ( ) ' \\ % _ <-> stretch";
        for (boolean postgres : List.of(true, false)) {
            SearchMatch match = SearchMatch.of(SearchText.words(hostile), postgres);
            assertFalse(match.sql("d").contains("stretch") || match.sql("d").contains("OR 1"), match.sql("d"));
            for (Object p : match.params()) {
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
        assertTrue(SearchMatch.of(SearchText.words("a b c d e f g h"), true).params().size() == 1);
    }
}
