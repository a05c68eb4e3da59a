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
    static final Map<String, Long> COUNTS = Map.of(ListingPlan.key("*", "*"), 100_000L, ListingPlan.key("equipment", "chair"), 28_000L,
            ListingPlan.key("stage", "trimester-2"), 80_000L, ListingPlan.key("condition", "sciatica"), 12L,
            ListingPlan.key("topic", "back-pain"), 20_000L, ListingPlan.key("topic", "low-back-pain"), 9_000L,
            ListingPlan.key("topic", "pelvic-pain"), 1_000L, ListingPlan.key("topic", "si-joint-pain"), 500L);

    static ListingPlan plan(Map<String, List<String>> facets, String q, String sort, int offset) {
        return ListingPlan.of("EXERCISE", "en-GB", facets, q == null ? null : SearchMatch.of(SearchText.words(q), true),
                sort, offset, 20, COUNTS);
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
        assertFalse(plan.sql().contains("EXISTS"), plan.sql());
        assertTrue(plan.sql().contains(" ORDER BY d.published_at DESC, d.slug "), plan.sql());
        assertEquals(new ListingPlan.Total(28_000, true), plan.total(0, NEVER));
    }

    @Test
    void theRarestValueDrivesAndTheOthersAreCheckedPerRow() {
        ListingPlan plan = plan(Map.of("stage", List.of("trimester-2"), "condition", List.of("sciatica"), "equipment", List.of("chair")),
                null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "condition", "sciatica", "equipment", "chair", "stage", "trimester-2"), plan.params());
        assertEquals(2, plan.sql().split("EXISTS", -1).length - 1, plan.sql());
        assertTrue(plan.sql().contains("OFFSET 0 ROWS)"), "checks stay per-row lookups: " + plan.sql());
        assertTrue(plan.countSql().endsWith(" FETCH FIRST 201 ROWS ONLY) t"), plan.countSql());
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
    void severalValuesOfAFewMatchesAreReadWholeAndOfManyAreCheckedAlongTheUnfilteredList() {
        ListingPlan few = plan(Map.of("topic", List.of("pelvic-pain", "si-joint-pain")), null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "topic", "pelvic-pain", "si-joint-pain"), few.params());
        assertTrue(few.sql().contains("d.name = ? AND d.val IN (?, ?) GROUP BY d.entry_id, d.slug, d.published_at ORDER BY d.slug"),
                "one row per entry that has both: " + few.sql());
        assertFalse(few.sql().contains("EXISTS"), few.sql());
        assertEquals(-1, few.exactTotal(), "an entry may have both values: counted, not summed");
        ListingPlan many = plan(Map.of("topic", List.of("back-pain", "low-back-pain")), null, "slug", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "*", "*", "topic", "back-pain", "low-back-pain"), many.params());
        assertTrue(many.sql().contains("EXISTS"), many.sql());
    }

    @Test
    void aValueWithoutCountMatchesNothingAndDrives() {
        ListingPlan plan = plan(Map.of("stage", List.of("trimester-2"), "condition", List.of("unknown")), null, "slug", 0);
        assertEquals("condition", plan.params().get(2));
    }

    @Test
    void qDrivesFromTheSearchIndexAndIsCountedUpToTheBound() {
        ListingPlan plan = plan(Map.of(), "Stretch", "-published", 0);
        assertEquals(List.of("EXERCISE", "en-GB", "'stretch':*"), plan.params());
        assertTrue(plan.sql().startsWith("SELECT d.entry_id FROM entry_search d WHERE d.content_type = ? AND d.locale = ?"
                + " AND d.doc @@ CAST(? AS tsquery) ORDER BY d.published_at DESC, d.slug OFFSET 0 ROWS FETCH NEXT 21"), plan.sql());
        assertFalse(plan.sql().contains("entry_facet"), plan.sql());
        assertEquals(-1, plan.exactTotal());
        assertTrue(plan.countSql().contains("FETCH FIRST 201 ROWS ONLY"), plan.countSql());
    }

    @Test
    void withQAndCommonFiltersTheSearchIndexDrivesAndEveryFilterIsAPerRowCheck() {
        ListingPlan plan = plan(Map.of("equipment", List.of("chair"), "topic", List.of("back-pain", "low-back-pain")), "knee", "slug", 0);
        assertTrue(plan.sql().contains("FROM entry_search d"), plan.sql());
        assertEquals(2, plan.sql().split("EXISTS \\(SELECT 1 FROM entry_facet f", -1).length - 1, plan.sql());
        assertEquals(List.of("EXERCISE", "en-GB", "'knee':*", "equipment", "chair", "topic", "back-pain", "low-back-pain"), plan.params());
        assertFalse(plan.sql().contains("GROUP BY"), plan.sql());
    }

    @Test
    void withQARareFilterStillDrivesAndQIsCheckedPerRowByKey() {
        ListingPlan plan = plan(Map.of("condition", List.of("sciatica"), "equipment", List.of("chair")), "knee", "-slug", 0);
        assertTrue(plan.sql().startsWith("SELECT d.entry_id FROM entry_facet d WHERE"), plan.sql());
        assertTrue(plan.sql().contains(" AND EXISTS (SELECT 1 FROM entry_search s WHERE s.entry_id = d.entry_id AND s.doc @@ CAST(? AS tsquery))"
                + " ORDER BY d.slug DESC"), plan.sql());
        assertEquals(List.of("EXERCISE", "en-GB", "condition", "sciatica", "equipment", "chair", "'knee':*"), plan.params());
        assertEquals(-1, plan.exactTotal(), "q is never a maintained count");
    }
}
