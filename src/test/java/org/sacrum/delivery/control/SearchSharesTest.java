package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchSharesTest {
    /** As pg_stats gives them: the lexemes, then their frequencies, the lowest, the highest and the null share. */
    static final SearchShares SHARES = SearchShares.of(new String[] {"2012", "bench", "benchmark", "stretch", "stretching"},
            new float[] {0.05f, 0.9f, 0.9f, 0.3f, 0.4f, 0.04f, 0.9f, 0f});

    @Test
    void aListedWordHasItsFrequencyAndAPrefixTheSumOfTheWordsItStartsAtMostAll() {
        assertEquals(0.05, SHARES.of("2012", true), 1e-6);
        assertEquals(0.7, SHARES.of("stretch", false), 1e-6, "stretch and stretching");
        assertEquals(0.4, SHARES.of("stretchi", false), 1e-6);
        assertEquals(1.0, SHARES.of("ben", false), 1e-6, "a share is at most all entries");
        assertEquals(0.3, SHARES.of("stretch", true), 1e-6, "a whole word is only itself");
    }

    @Test
    void anUnlistedWordIsRarerThanAllListedAsPostgresqlAssumes() {
        assertEquals(0.005, SHARES.of("201", true), 1e-9, "half the lowest (2%), at most PostgreSQL's default 0.5%");
        assertEquals(0.005, SHARES.of("zebra", false), 1e-9);
        SearchShares rare = SearchShares.of(new String[] {"a"}, new float[] {0.004f, 0.004f, 0.004f, 0f});
        assertEquals(0.002, rare.of("b", false), 1e-6);
        assertEquals(SearchShares.UNKNOWN, SearchShares.NONE.of("anything", false), 1e-9, "never analysed, or H2");
        assertEquals(SearchShares.UNKNOWN, SearchShares.of(null, null).of("x", true), 1e-9);
    }

    @Test
    void onH2EveryWordIsTakenAsCommonSoThePageIsReadInOrder() {
        assertEquals(1.0, SearchShares.ALL_COMMON.of("zebra", true), 1e-9);
        assertEquals(false, ListingPlan.ginReadsLess(SearchMatch.of(java.util.List.of("zebra"), false, SearchShares.ALL_COMMON),
                100_000, null, java.util.Map.of(), java.util.Map.of(), 21));
    }

    @Test
    void theLexemesAreReadAsPostgresqlPrintsTheArray() {
        assertArrayEquals(new String[] {"bench", "null", "übung", "2012"}, SearchShares.lexemes("{bench,\"null\",übung,2012}"));
        assertArrayEquals(new String[0], SearchShares.lexemes("{}"));
    }

    @Test
    void pgStatsAsTextAreParsedAsDeliveryQueriesAndTheBenchReadThem() {
        SearchShares read = SearchShares.parse("{2012,bench,stretch}", "{0.05,0.9,0.3,0.05,0.9,0}");
        assertEquals(0.05, read.of("2012", true), 1e-6);
        assertEquals(0.3, read.of("stretch", false), 1e-6);
        assertEquals(0.005, read.of("zebra", false), 1e-9, "half the lowest listed (5%), at most 0.5%");
        assertEquals(SearchShares.UNKNOWN, SearchShares.parse(null, null).of("x", true), 1e-9, "never analysed");
        assertEquals(SearchShares.UNKNOWN, SearchShares.parse("{}", "{}").of("x", true), 1e-9);
    }
}
