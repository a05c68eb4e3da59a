package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingPlanTest {
    static final java.util.function.LongSupplier NEVER = () -> {
        throw new AssertionError("counted although the page or the maintained counts tell");
    };
    static final Map<String, Long> COUNTS = Map.ofEntries(
            Map.entry(ListingPlan.key("*", "*"), 100_000L),
            Map.entry(ListingPlan.key("equipment", "chair"), 28_000L),
            Map.entry(ListingPlan.key("stage", "trimester-2"), 80_000L),
            Map.entry(ListingPlan.key("condition", "sciatica"), 12L),
            Map.entry(ListingPlan.key("topic-within", "back-pain"), 20_000L),
            Map.entry(ListingPlan.key("topic-within", "low-back-pain"), 9_000L),
            Map.entry(ListingPlan.key("topic-within", "pelvic-pain"), 1_000L),
            Map.entry(ListingPlan.key("topic-within", "si-joint-pain"), 500L),
            Map.entry(ListingPlan.key("equipment", "mat"), 30_000L),
            Map.entry(ListingPlan.key("equipment", "wall"), 1_000L),
            Map.entry(ListingPlan.key("equipment", "pillow"), 2_000L));
    /** facet_count ids: what the rows' tags carry (" 2 3 ", a check is LIKE '% 3 %'). */
    static final Map<String, Long> IDS = Map.ofEntries(
            Map.entry(ListingPlan.key("*", "*"), 1L),
            Map.entry(ListingPlan.key("equipment", "chair"), 2L),
            Map.entry(ListingPlan.key("stage", "trimester-2"), 3L),
            Map.entry(ListingPlan.key("condition", "sciatica"), 4L),
            Map.entry(ListingPlan.key("topic-within", "back-pain"), 5L),
            Map.entry(ListingPlan.key("topic-within", "low-back-pain"), 6L),
            Map.entry(ListingPlan.key("topic-within", "pelvic-pain"), 7L),
            Map.entry(ListingPlan.key("topic-within", "si-joint-pain"), 8L),
            Map.entry(ListingPlan.key("equipment", "mat"), 9L),
            Map.entry(ListingPlan.key("equipment", "wall"), 10L),
            Map.entry(ListingPlan.key("equipment", "pillow"), 11L));

    static ListingPlan plan(Map<String, List<String>> facets, String q, String sort, int offset) {
        return ListingPlan.of("EXERCISE", "en-GB", facets, q == null ? null : SearchMatch.of(SearchText.words(q), true),
                sort, offset, 20, COUNTS, IDS);
    }

    @Test
    void noFilterReadsTheAllRowsInOrderAndTakesTheMaintainedTotal() {
        ListingPlan plan = plan(Map.of(), null, "slug", 40);
        assertEquals(List.of("EXERCISE", "en-GB", "*", "*"), plan.params());
        assertTrue(plan.sql().endsWith(" ORDER BY d.slug OFFSET 40 ROWS FETCH NEXT 21 ROWS ONLY"), "one row more than shown: " + plan.sql());
        assertNull(plan.countSql());
        assertEquals(new ListingPlan.Total(100_000, true), plan.total(21, NEVER));
    }

    @Test
    void oneValueDrivesAndItsCountIsTheExactTotal() {
        ListingPlan plan = plan(Map.of("equipment", List.of("chair")), null, "-published", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "equipment", "chair"), plan.params());
        assertFalse(plan.sql().contains("EXISTS") || plan.sql().contains("tags"), plan.sql());
        assertTrue(plan.sql().contains(" ORDER BY d.published_at DESC, d.slug "), plan.sql());
        assertEquals(new ListingPlan.Total(28_000, true), plan.total(0, NEVER));
    }

    @Test
    void theRarestValueDrivesAndTheOthersAreCheckedInsideTheRowItsIndexGives() {
        ListingPlan plan = plan(Map.of("stage", List.of("trimester-2"), "condition", List.of("sciatica"), "equipment", List.of("chair")),
                null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "condition", "sciatica", "% 2 %", "equipment", "chair",
                "% 3 %", "stage", "trimester-2"), plan.params());
        assertTrue(plan.sql().contains(" AND (d.tags LIKE ? OR d.tags IS NULL AND EXISTS (SELECT 1 FROM entry_facet f WHERE"
                + " f.entry_id = d.entry_id AND f.name = ? AND f.val IN (?) OFFSET 0 ROWS))"), "a row without tags looks up: " + plan.sql());
        assertEquals(2, plan.sql().split("d.tags IS NULL", -1).length - 1, plan.sql());
        assertTrue(plan.countSql().endsWith(" FETCH FIRST 201 ROWS ONLY) t"), plan.countSql());
        assertEquals(plan.params(), plan.countParams());
    }

    @Test
    void aCountedTotalIsToldByAPageThatIsNotFullCountedForAnEarlyFullPageAndALowerBoundWhenDeep() {
        ListingPlan plan = plan(Map.of("stage", List.of("trimester-2"), "equipment", List.of("chair")), null, "slug", 40);
        assertEquals(new ListingPlan.Total(47, true), plan.total(7, NEVER), "the page ends the list");
        assertEquals(new ListingPlan.Total(200, true), plan.total(21, () -> 200));
        assertEquals(new ListingPlan.Total(201, false), plan.total(21, () -> 201), "more than the bound: at least");
        assertEquals(new ListingPlan.Total(12, true), plan.total(0, () -> 12), "past the end: counted");
        assertTrue(plan.countsFullPage());
        assertEquals(new ListingPlan.Total(0, true), plan(Map.of("stage", List.of("trimester-2"), "equipment", List.of("chair")), null,
                "slug", 0).total(0, NEVER));
        ListingPlan deep = plan(Map.of("stage", List.of("trimester-2"), "equipment", List.of("chair")), null, "slug", 9_980);
        assertFalse(deep.countsFullPage());
        assertEquals(new ListingPlan.Total(10_001, false), deep.total(21, NEVER), "a full deep page: this page and more");
        assertEquals(new ListingPlan.Total(9_985, true), deep.total(5, NEVER));
        assertEquals(10_000, deep.cap(), "past the end of a deep page it is counted at least to the page's end");
        assertTrue(deep.countSql().contains("FETCH FIRST 10001 ROWS ONLY"), deep.countSql());
    }

    @Test
    void aTopicWithItsSubTopicsIsOneOrderedIndexValueWithItsExactTotal() {
        // DeliveryQuery gives a topic with its descendants; the index answers it as the topic alone, under topic-within
        ListingPlan plan = plan(Map.of("topic", List.of("back-pain", "low-back-pain", "upper-back-pain")), null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "topic-within", "back-pain"), plan.params());
        assertFalse(plan.sql().contains("GROUP BY") || plan.sql().contains("EXISTS"), plan.sql());
        assertEquals(new ListingPlan.Total(20_000, true), plan.total(21, NEVER));
        assertEquals(Map.of("topic-within", List.of("pelvic-pain", "sciatica")),
                ListingPlan.indexed(Map.of("topic", List.of("pelvic-pain", "sciatica", "si-joint-pain"))), "only topics without an ancestor given");
        assertEquals(List.of("*", "equipment", "topic-within"), ListingPlan.countKeys(Map.of("topic", List.of("back-pain", "low-back-pain"),
                "equipment", List.of("mat"))).stream().map(k -> k[0]).distinct().toList());
    }

    @Test
    void severalValuesOfAFewMatchesAreReadWholeAndOfManyAreCheckedAlongAnotherOrderedDriver() {
        ListingPlan few = plan(Map.of("equipment", List.of("pillow", "wall")), null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "equipment", "pillow", "wall"), few.params());
        assertTrue(few.sql().contains("d.name = ? AND d.val IN (?, ?) GROUP BY d.entry_id, d.slug, d.published_at ORDER BY d.slug"),
                "one row per entry that has both: " + few.sql());
        assertFalse(few.sql().contains("EXISTS"), few.sql());
        assertEquals(-1, few.exactTotal(), "an entry may have both values: counted, not summed");
        ListingPlan many = plan(Map.of("equipment", List.of("chair", "mat")), null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "*", "*", "% 2 %", "% 9 %", "equipment", "chair", "mat"),
                many.params(), "the unfiltered listing drives, each row checked in-row");
        assertEquals(-1, many.exactTotal(), "not the unfiltered listing's count");
        ListingPlan withStage = plan(Map.of("equipment", List.of("chair", "mat"), "stage", List.of("trimester-2")), null, "slug", 0);
        assertEquals(List.of("stage", "trimester-2"), withStage.params().subList(2, 4), "a single value drives rather than all");
        assertFalse(withStage.sql().contains("GROUP BY"), withStage.sql());
    }

    @Test
    void aCursorPageStartsAfterItsItemInTheSortsOrderAndIsCountedWithoutIt() {
        ListCursor bySlug = new ListCursor("slug", null, "cat-cow");
        ListingPlan plan = ListingPlan.of("EXERCISE", "en-GB", Map.of("stage", List.of("trimester-2"), "equipment", List.of("chair")),
                null, "slug", 0, 20, bySlug, COUNTS, IDS);
        assertTrue(plan.sql().contains(" AND d.slug > ? ORDER BY d.slug OFFSET 0 ROWS FETCH NEXT 21 ROWS ONLY"), plan.sql());
        assertEquals("cat-cow", plan.params().get(plan.params().size() - 1));
        assertEquals(plan.params().subList(0, plan.params().size() - 1), plan.countParams(), "the count is of the whole list");
        assertFalse(plan.countSql().contains("d.slug >"), plan.countSql());
        assertTrue(plan.countsFullPage());
        assertEquals(new ListingPlan.Total(150, true), plan.total(3, () -> 150), "where a cursor page lies is unknown: counted");
        assertEquals(new ListingPlan.Total(201, false), plan.total(21, () -> 201));
        ListingPlan exact = ListingPlan.of("EXERCISE", "en-GB", Map.of(), null, "-slug", 0, 20, new ListCursor("-slug", null, "m"), COUNTS, IDS);
        assertTrue(exact.sql().contains(" AND d.slug < ? ORDER BY d.slug DESC"), exact.sql());
        assertEquals(new ListingPlan.Total(100_000, true), exact.total(21, NEVER));
        java.time.LocalDateTime at = java.time.LocalDateTime.parse("2026-12-02T09:40:20.123456");
        ListingPlan desc = ListingPlan.of("EXERCISE", "en-GB", Map.of(), null, "-published", 0, 20, new ListCursor("-published", at, "m"), COUNTS, IDS);
        assertTrue(desc.sql().contains(" AND d.published_at <= ? AND (d.published_at < ? OR d.slug > ?) ORDER BY d.published_at DESC, d.slug"),
                desc.sql());
        assertEquals(List.of(java.sql.Timestamp.valueOf(at), java.sql.Timestamp.valueOf(at), "m"), desc.params().subList(4, 7));
        ListingPlan asc = ListingPlan.of("EXERCISE", "en-GB", Map.of(), null, "published", 0, 20, new ListCursor("published", at, "m"), COUNTS, IDS);
        assertTrue(asc.sql().contains(" AND d.published_at >= ? AND (d.published_at > ? OR d.slug > ?) ORDER BY d.published_at, d.slug"),
                asc.sql());
    }

    @Test
    void aFilterWithoutCountRowMatchesNothingWithoutAQuery() {
        ListingPlan plan = plan(Map.of("stage", List.of("trimester-2"), "condition", List.of("unknown")), null, "slug", 0);
        assertTrue(plan.empty());
        assertFalse(plan.countsFullPage());
        assertEquals(new ListingPlan.Total(0, true), plan.total(0, NEVER));
        assertFalse(plan(Map.of("stage", List.of("trimester-2")), null, "slug", 0).empty());
    }

    @Test
    void ofSeveralValuesOnlyThoseWithAnIdAreCheckedInRow() {
        ListingPlan plan = plan(Map.of("condition", List.of("sciatica"), "equipment", List.of("chair", "unknown")), null, "slug", 0);
        assertFalse(plan.empty());
        assertEquals(List.of("EXERCISE", "en-GB", "condition", "sciatica", "% 2 %", "equipment", "chair", "unknown"), plan.params());
        assertTrue(plan.sql().contains(" AND (d.tags LIKE ? OR d.tags IS NULL AND EXISTS"), plan.sql());
    }

    /** PostgreSQL's statistics as a catalogue would have them: words starting stretch in 60% of the entries, knee in 10%. */
    static final SearchShares SHARES = SearchShares.of(new String[] {"bench", "knee", "stretch", "stretching"},
            new float[] {1.0f, 0.1f, 0.3f, 0.3f, 0.1f, 1.0f, 0f});

    static ListingPlan plan(Map<String, List<String>> facets, String q, String sort, int offset, ListCursor after) {
        return ListingPlan.of("EXERCISE", "en-GB", facets, SearchMatch.of(SearchText.words(q), true, SHARES), sort, offset, 20,
                after, COUNTS, IDS);
    }

    @Test
    void aRareQIsReadThroughTheGinIndexSortedAndCountedUpToTheBound() {
        ListingPlan plan = plan(Map.of(), "Stretch", "-published", 0); // no statistics: a word is taken as rare (0.5%)
        assertEquals(List.of("'stretch':*", "EXERCISE", "en-GB"), plan.params());
        assertTrue(plan.sql().startsWith("SELECT d.entry_id, d.slug, d.published_at FROM (SELECT s.entry_id, s.content_type, s.locale,"
                + " s.slug, s.published_at FROM entry_search s WHERE s.doc @@ CAST(? AS tsquery) OFFSET 0 ROWS) d"
                + " WHERE d.content_type = ? AND d.locale = ? ORDER BY d.published_at DESC, d.slug OFFSET 0 ROWS FETCH NEXT 21"), plan.sql());
        assertFalse(plan.sql().contains("entry_facet"), plan.sql());
        assertEquals(-1, plan.exactTotal());
        assertTrue(plan.countSql().contains("FETCH FIRST 201 ROWS ONLY"), plan.countSql());
        assertEquals(new ListingPlan.Total(201, false), plan.total(21, () -> 201));
    }

    @Test
    void theGinIndexIsAskedForTheRarestWordOnlyAndEveryWordIsCheckedOnItsMatches() {
        ListingPlan plan = plan(Map.of(), "bench stretch 44477 knee", "slug", 0, null);
        assertTrue(plan.sql().contains("FROM entry_search s WHERE s.doc @@ CAST(? AS tsquery) AND ts_match_vq(s.doc, CAST(? AS tsquery))"
                + " OFFSET 0 ROWS) d"), plan.sql());
        assertEquals(List.of("'44477'", "'bench':* & 'stretch':* & '44477' & 'knee':*", "EXERCISE", "en-GB"), plan.params(),
                "the unlisted number is the rarest: the GIN index reads its entries only, not every bench and stretch");
    }

    @Test
    void aCommonQReadsTheListInOrderChecksEachRowAndIsNotCounted() {
        ListingPlan plan = plan(Map.of(), "stretch", "slug", 0, null); // 60% of 100,000: about 35 rows for a page
        assertEquals("SELECT d.entry_id, d.slug FROM entry_search d WHERE d.content_type = ? AND d.locale = ?"
                + " AND ts_match_vq(d.doc, CAST(? AS tsquery)) ORDER BY d.slug OFFSET 0 ROWS FETCH NEXT 21 ROWS ONLY", plan.sql());
        assertEquals(List.of("EXERCISE", "en-GB", "'stretch':*"), plan.params());
        assertNull(plan.countSql(), "counting 200 matches would read ten pages");
        assertFalse(plan.countsFullPage());
        assertEquals(new ListingPlan.Total(21, false), plan.total(21, NEVER), "a full page: at least this page and one more");
        assertEquals(new ListingPlan.Total(7, true), plan.total(7, NEVER), "a page that is not full holds the last match");
        ListingPlan deep = plan(Map.of(), "stretch", "slug", 100, null);
        assertEquals(new ListingPlan.Total(121, false), deep.total(21, NEVER));
        assertEquals(new ListingPlan.Total(105, true), deep.total(5, NEVER));
    }

    @Test
    void aWalkWithQReadsAtMostItsBudgetUpToTheSortKeyAtThatDepthThenTheGinPlanAnswers() {
        ListingPlan plan = plan(Map.of(), "stretch", "-published", 0, null); // about 35 rows expected: 500 allowed
        ListingPlan.Budget budget = plan.budget();
        assertEquals(500, budget.rows());
        assertEquals("SELECT d.slug, d.published_at FROM entry_search d WHERE d.content_type = ? AND d.locale = ?"
                + " ORDER BY d.published_at DESC, d.slug OFFSET 499 ROWS FETCH NEXT 1 ROWS ONLY", budget.sql());
        assertEquals(List.of("EXERCISE", "en-GB"), budget.params());
        java.sql.Timestamp at = java.sql.Timestamp.valueOf("2026-01-02 03:04:05");
        ListingPlan bounded = plan.upTo(new Object[] {"m-bench-1", at});
        assertTrue(bounded.sql().endsWith(" AND ts_match_vq(d.doc, CAST(? AS tsquery)) AND (d.published_at > ? OR d.published_at = ? AND d.slug <= ?)"
                + " ORDER BY d.published_at DESC, d.slug OFFSET 0 ROWS FETCH NEXT 21 ROWS ONLY"), bounded.sql());
        assertEquals(List.of("EXERCISE", "en-GB", "'stretch':*", at, at, "m-bench-1"), bounded.params());
        assertTrue(budget.fallback().sql().contains("s.doc @@ CAST(? AS tsquery)"), "the GIN plan: " + budget.fallback().sql());
        assertTrue(budget.fallback().countSql() != null && budget.fallback().budget() == null);
        // with a filter the budget counts the driver's rows, after the cursor
        ListingPlan chair = plan(Map.of("equipment", List.of("chair")), "knee", "-slug", 0, new ListCursor("-slug", null, "p-bench-9"));
        assertEquals("SELECT d.slug FROM entry_facet d WHERE d.content_type = ? AND d.locale = ? AND d.name = ? AND d.val = ?"
                + " AND d.slug < ? ORDER BY d.slug DESC OFFSET 839 ROWS FETCH NEXT 1 ROWS ONLY", chair.budget().sql(), "4 × 21 / 0.1 rows");
        assertEquals(List.of("EXERCISE", "en-GB", "equipment", "chair", "p-bench-9"), chair.budget().params());
        assertTrue(chair.upTo(new Object[] {"k"}).sql().contains(" AND d.slug >= ? ORDER BY d.slug DESC"), chair.upTo(new Object[] {"k"}).sql());
        assertEquals(ListingPlan.MIN_BUDGET, ListingPlan.budgetRows(10, 100_000));
        assertEquals(2_000, ListingPlan.budgetRows(3_000, 2_000), "never more than the GIN plan would read");
        assertNull(plan(Map.of("condition", List.of("sciatica")), "knee", "slug", 0, null).budget(), "12 driver rows: the walk ends anyway");
        assertNull(plan(Map.of(), "stretch", "slug", 980, null).budget(), "a page by number reads on, as without q");
    }

    @Test
    void aCursorPageOfACommonQStartsAfterItsItemAndTellsOnlyALowerBound() {
        ListingPlan plan = plan(Map.of(), "stretch", "-published", 0,
                new ListCursor("-published", java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5), "knee-bench-7"));
        assertTrue(plan.sql().contains(" AND ts_match_vq(d.doc, CAST(? AS tsquery)) AND d.published_at <= ? AND (d.published_at < ? OR d.slug > ?)"
                + " ORDER BY d.published_at DESC, d.slug OFFSET 0 ROWS FETCH NEXT 21"), plan.sql());
        assertNull(plan.countSql());
        assertEquals(new ListingPlan.Total(21, false), plan.total(21, NEVER));
        assertEquals(new ListingPlan.Total(3, false), plan.total(3, NEVER), "where the page is in the list is unknown");
    }

    @Test
    void whichIndexDrivesFollowsWhichReadsFewerRows() {
        // knee (10%) with chair (28%): a page in order reads about 21 / 0.1 chair rows, its GIN plan 10,000 entries
        ListingPlan common = plan(Map.of("equipment", List.of("chair")), "knee", "slug", 0, null);
        assertTrue(common.sql().startsWith("SELECT d.entry_id, d.slug FROM entry_facet d WHERE"), common.sql());
        assertTrue(common.sql().contains(" AND EXISTS (SELECT 1 FROM entry_search s WHERE s.entry_id = d.entry_id"
                + " AND ts_match_vq(s.doc, CAST(? AS tsquery)) OFFSET 0 ROWS) ORDER BY d.slug"), common.sql());
        assertNull(common.countSql());
        // page 400 of it would read about 80,000 rows, more than the chair rows (28,000) or the GIN plan's 10,000
        assertTrue(plan(Map.of("equipment", List.of("chair")), "knee", "slug", 8_000, null).sql().contains("FROM (SELECT s.entry_id"));
        // an unlisted word (0.5%: 500 entries) against a wall (1,000 entries) with chair: in order it would read them all
        assertTrue(plan(Map.of("equipment", List.of("wall")), "zebra", "slug", 0, null).sql().contains("FROM (SELECT s.entry_id"));
        // ... but 12 sciatica rows are fewer than 500
        assertTrue(plan(Map.of("condition", List.of("sciatica")), "zebra", "slug", 0, null).sql().startsWith("SELECT d.entry_id, d.slug FROM entry_facet d"));
        assertTrue(ListingPlan.ginReadsLess(SearchMatch.of(List.of("zebra"), true, SHARES), 100_000, null, Map.of(), Map.of(), 21));
        assertFalse(ListingPlan.ginReadsLess(SearchMatch.of(List.of("stretch"), true, SHARES), 100_000, null, Map.of(), Map.of(), 21));
    }

    @Test
    void withQAndCommonFiltersTheGinIndexDrivesAndEveryFilterIsAPerRowCheck() {
        ListingPlan plan = plan(Map.of("equipment", List.of("chair"), "topic", List.of("back-pain", "low-back-pain")), "knee", "slug", 0);
        assertTrue(plan.sql().contains("FROM entry_search s WHERE s.doc @@ CAST(? AS tsquery) OFFSET 0 ROWS) d"), plan.sql());
        assertEquals(2, plan.sql().split("EXISTS \\(SELECT 1 FROM entry_facet f", -1).length - 1, plan.sql());
        // a topic is one value of topic-within (its sub-topics are listed under it); entry_search carries no facet sets
        assertEquals(List.of("'knee':*", "EXERCISE", "en-GB", "topic-within", "back-pain", "equipment", "chair"), plan.params());
        assertFalse(plan.sql().contains("GROUP BY"), plan.sql());
    }

    @Test
    void withQARareFilterStillDrivesAndQIsCheckedPerRowByKey() {
        ListingPlan plan = plan(Map.of("condition", List.of("sciatica"), "equipment", List.of("chair")), "knee", "-slug", 0);
        assertTrue(plan.sql().startsWith("SELECT d.entry_id, d.slug FROM entry_facet d WHERE"), plan.sql());
        assertTrue(plan.sql().contains(" AND EXISTS (SELECT 1 FROM entry_search s WHERE s.entry_id = d.entry_id"
                + " AND ts_match_vq(s.doc, CAST(? AS tsquery)) OFFSET 0 ROWS) ORDER BY d.slug DESC"), plan.sql());
        assertEquals(List.of("EXERCISE", "en-GB", "condition", "sciatica", "% 2 %", "equipment", "chair", "'knee':*"), plan.params());
        assertEquals(-1, plan.exactTotal(), "q is never a maintained count");
        assertEquals(new ListingPlan.Total(4, true), plan.total(4, NEVER));
    }
}
