package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListCursorTest {
    static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static List<Violation> violations(Map<String, List<String>> params) {
        ProblemException e = assertThrows(ProblemException.class, () -> DeliveryQuery.parseList(ContentType.EXERCISE, params));
        return e.problem().violations();
    }

    @Test
    void aTokenGivesBackItsCursor() {
        LocalDateTime at = LocalDateTime.parse("2026-12-02T09:40:20.000123");
        for (ListCursor cursor : List.of(new ListCursor("slug", null, "cat-cow"), new ListCursor("-slug", null, "a"),
                new ListCursor("published", at, "bird-dog-2"), new ListCursor("-published", LocalDateTime.parse("2026-01-01T00:00"), "x"))) {
            DeliveryQuery.Violations bad = new DeliveryQuery.Violations();
            assertEquals(cursor, ListCursor.parse(cursor.token(), cursor.sort(), bad));
            assertTrue(bad.isEmpty());
            assertTrue(cursor.token().matches("[A-Za-z0-9_-]+"), "fits a query string as it is: " + cursor.token());
        }
    }

    @Test
    void aMalformedOrForgedCursorIsA400NamingAfter() {
        for (String token : List.of("", "!!", "a".repeat(ListCursor.MAX_LENGTH + 1), "bm90IGEgY3Vyc29y", token("slug|x"),
                token("slug||Not-A-Slug"), token("slug||a'; DROP TABLE entry; --"), token("sideways||a"), token("published||a"),
                token("slug|2026-12-02T09:40:20|a"), token("published|yesterday|a"), token("slug||" + "a".repeat(121)),
                token("slug||a|b"), "%%%", "AAAA====")) {
            List<Violation> broken = violations(Map.of("after", List.of(token)));
            assertEquals(List.of("after"), broken.stream().map(Violation::field).toList(), token);
            assertEquals("cursor", broken.get(0).rule(), token);
        }
    }

    @Test
    void aCursorContinuesOnlyItsOwnSortAndNeverAPageNumber() {
        String bySlug = new ListCursor("slug", null, "cat-cow").token();
        assertEquals("cursor-sort", violations(Map.of("after", List.of(bySlug), "sort", List.of("-published"))).get(0).rule());
        assertEquals("not-with-page", violations(Map.of("after", List.of(bySlug), "page", List.of("2"))).get(0).rule());
        DeliveryQuery query = DeliveryQuery.parseList(ContentType.EXERCISE, Map.of("after", List.of(bySlug), "stage", List.of("postpartum")));
        assertEquals(new ListCursor("slug", null, "cat-cow"), query.after());
        assertEquals("after=" + bySlug + "&stage=postpartum", query.canonical(), "the cursor is part of the cache key");
        assertNull(DeliveryQuery.parseList(ContentType.EXERCISE, Map.of()).after());
    }

    @Test
    void theNextLinkCarriesTheCursorInsteadOfAPageNumber() {
        DeliveryQuery query = DeliveryQuery.parseList(ContentType.EXERCISE, Map.of("page", List.of("3"), "stage", List.of("postpartum")));
        ListCursor next = new ListCursor("slug", null, "z");
        assertEquals("/api/v1/exercises?after=" + next.token() + "&stage=postpartum", query.cursorLink("/api/v1/exercises", next));
        DeliveryQuery continued = DeliveryQuery.parseList(ContentType.EXERCISE, Map.of("after", List.of(new ListCursor("slug", null, "a").token())));
        assertEquals("/api/v1/exercises?page=2", continued.pageLink("/api/v1/exercises", 2), "a page link drops the cursor");
    }
}
