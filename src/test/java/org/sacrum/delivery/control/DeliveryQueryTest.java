package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DeliveryQueryTest {
    private static Map<String, List<String>> params(String... nameValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return params;
    }

    private static List<Violation> refused(ContentType type, boolean list, Map<String, List<String>> params) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> {
                    DeliveryQuery parsed = list ? DeliveryQuery.parseList(type, params) : DeliveryQuery.parseEntry(type, params);
                    fail("accepted: " + parsed);
                });
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().type().endsWith("/invalid-query"), e.problem().type());
        return e.problem().violations();
    }

    private static boolean has(List<Violation> violations, String field, String rule) {
        return violations.stream().anyMatch(v -> v.field().equals(field) && v.rule().equals(rule));
    }

    @Test
    void defaults() {
        DeliveryQuery q = DeliveryQuery.parseList(ContentType.EXERCISE, Map.of());
        assertEquals(1, q.page());
        assertEquals(20, q.size());
        assertEquals("slug", q.sort());
        assertEquals("en-GB", q.locale());
        assertNull(q.q());
        assertTrue(q.facets().isEmpty());
        assertTrue(q.included().isEmpty());
        assertEquals("", q.canonical());
    }

    @Test
    void unknownParametersAreRefusedByName() {
        List<Violation> bad = refused(ContentType.EXERCISE, true, params("cb", "1", "size", "100"));
        assertEquals(List.of(new Violation("cb", "unknown-parameter", bad.get(0).message())), bad);
        assertTrue(has(refused(ContentType.EXERCISE, false, params("q", "x")), "q", "unknown-parameter"),
                "an entry takes no list parameters");
        assertTrue(has(refused(ContentType.EXERCISE, false, params("topic", "back-pain")), "topic", "unknown-parameter"));
    }

    @Test
    void aFilterOfAnotherTypeIsNotSupported() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("urgency", "routine")), "urgency", "filter-not-supported"));
    }

    @Test
    void everyViolationIsListedButTheListIsBounded() {
        List<Violation> bad = refused(ContentType.EXERCISE, true, params("page", "0", "size", "101", "sort", "x", "a", "1"));
        assertTrue(has(bad, "page", "range") && has(bad, "size", "range") && has(bad, "sort", "one-of") && has(bad, "a", "unknown-parameter"), bad.toString());
        Map<String, List<String>> many = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            many.put("p" + i, List.of("x"));
        }
        ProblemException e = assertThrows(ProblemException.class, () -> DeliveryQuery.parseList(ContentType.EXERCISE, many));
        assertEquals(DeliveryQuery.MAX_VIOLATIONS, e.problem().violations().size());
        assertTrue(e.problem().detail().contains("5000"), e.problem().detail());
    }

    @Test
    void aHostileParameterNameIsNotEchoedWhole() {
        String name = "x".repeat(10_000);
        Violation v = refused(ContentType.EXERCISE, true, params(name, "1")).get(0);
        assertTrue(v.field().length() < 50, v.field());
    }

    @Test
    void pageAndSizeBounds() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "2147483647")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "99999999999999999999")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "abc")), "page", "integer"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "")), "page", "integer"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "-1")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "0")), "size", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "1e2")), "size", "integer"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "100", "page", "101")), "page", "max-depth"));
        DeliveryQuery deepest = DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "100", "page", "100"));
        assertEquals(100, deepest.page());
        assertEquals(10_000, DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "1", "page", "10000")).page());
    }

    @Test
    void repeatedParametersAreRefused() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "1", "page", "2")), "page", "repeated"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("topic", "back-pain", "topic", "sciatica")), "topic", "repeated"));
    }

    @Test
    void valuesAreBounded() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("q", "a".repeat(10_000))), "q", "max-length"));
        assertEquals("a".repeat(200), DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "a".repeat(200))).q());
        assertTrue(has(refused(ContentType.EXERCISE, true, params("locale", "en-GB".repeat(100))), "locale", "locale"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("locale", "EN")), "locale", "locale"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("include", "warnings,".repeat(100))), "include", "max-length"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("include", "cats")), "include", "one-of"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("topic", "a".repeat(101))), "topic", "value"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("topic", "Back Pain")), "topic", "value"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("stage", String.join(",",
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "s" + i).toList()))), "stage", "values"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("topic", " , ")), "topic", "values"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("preview", "yes")), "preview", "boolean"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("preview", "true")), "preview", "detail-only"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("format", "jsonld")), "format", "one-of"));
        assertTrue(has(refused(ContentType.EXERCISE, false, params("format", "xml")), "format", "one-of"));
    }

    @Test
    void theCanonicalFormIgnoresOrderSpellingAndDefaults() {
        DeliveryQuery a = DeliveryQuery.parseList(ContentType.EXERCISE,
                params("size", "100", "include", "warnings,conditions", "stage", "trimester-2,trimester-1", "page", "1", "q", " cat "));
        DeliveryQuery b = DeliveryQuery.parseList(ContentType.EXERCISE,
                params("q", "cat", "stage", "trimester-1, trimester-2,trimester-1", "include", "conditions,warnings", "size", "100",
                        "locale", "en-GB", "sort", "slug"));
        assertEquals(a.canonical(), b.canonical());
        assertEquals("include=conditions%2Cwarnings&q=cat&size=100&stage=trimester-1%2Ctrimester-2", a.canonical());
        assertNotEquals(a.canonical(), DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "100")).canonical());
        assertEquals("q=a%20b%26c%3D", DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "a b&c=")).canonical(),
                "the canonical query is itself a safe query string");
    }

    @Test
    void topicsMatchTheirSubTopics() {
        DeliveryQuery q = DeliveryQuery.parseList(ContentType.EXERCISE, params("topic", "back-pain"));
        assertTrue(q.facets().get("topic").containsAll(List.of("back-pain", "low-back-pain", "upper-back-pain")), q.facets().toString());
    }

    @Test
    void anEntryQuery() {
        DeliveryQuery q = DeliveryQuery.parseEntry(ContentType.WARNING, params("include", "exercises", "format", "jsonld", "locale", "fr-FR"));
        assertTrue(q.jsonLd());
        assertEquals(Set.of(ContentType.EXERCISE), q.included());
        assertEquals("format=jsonld&include=exercises&locale=fr-FR", q.canonical());
        assertTrue(DeliveryQuery.parseEntry(ContentType.WARNING, params("preview", "true")).preview());
    }

    @Test
    void pageLinksAreRelativeAndCanonical() {
        DeliveryQuery q = DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "5", "q", "cat cow", "page", "2"));
        assertEquals("/api/v1/exercises?page=3&q=cat%20cow&size=5", q.pageLink("/api/v1/exercises", 3));
    }
}
