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
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "2147483648")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "99999999999999999999")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "abc")), "page", "integer"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "")), "page", "integer"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "-1")), "page", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "0")), "size", "range"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "1e2")), "size", "integer"));
    }

    @Test
    void pageNumbersReachTheFirstThousandResultsAndPointToTheCursorBeyond() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "100", "page", "11")), "page", "max-depth"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "51")), "page", "max-depth")); // the default size is 20
        assertTrue(has(refused(ContentType.EXERCISE, true, params("size", "1", "page", "1001")), "page", "max-depth"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("page", "2147483647")), "page", "max-depth"));
        Violation deep = refused(ContentType.EXERCISE, true, params("page", "500")).get(0);
        assertEquals("page", deep.field());
        assertTrue(deep.message().contains("the last page you may ask for is 50") && deep.message().contains("next link")
                && deep.message().contains("after="), deep.message());
        assertEquals(10, DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "100", "page", "10")).page());
        assertEquals(50, DeliveryQuery.parseList(ContentType.EXERCISE, params("page", "50")).page());
        assertEquals(1_000, DeliveryQuery.parseList(ContentType.EXERCISE, params("size", "1", "page", "1000")).page());
        assertEquals(1_000, DeliveryQuery.MAX_DEPTH);
    }

    @Test
    void withQPageNumbersReachTheFirstTwoHundredResults() {
        assertTrue(has(refused(ContentType.EXERCISE, true, params("q", "stretch", "page", "11")), "page", "max-depth"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("q", "stretch", "size", "100", "page", "3")), "page", "max-depth"));
        Violation deep = refused(ContentType.EXERCISE, true, params("q", "stretch", "page", "50")).get(0);
        assertTrue(deep.message().contains("may not exceed 200") && deep.message().contains("the last page you may ask for is 10")
                && deep.message().startsWith("with q, ") && deep.message().contains("after="), deep.message());
        assertEquals(10, DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "stretch", "page", "10")).page());
        assertEquals(2, DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "stretch", "size", "100", "page", "2")).page());
        // a blank q is no q: the list's own window applies
        assertEquals(50, DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "  ", "page", "50")).page());
        // a cursor reads on at any depth, with q as without
        assertEquals(200, DeliveryQuery.MAX_SEARCH_DEPTH);
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
        assertTrue(has(refused(ContentType.EXERCISE, true, params("q", "&|!:*()' --")), "q", "has-word"), "punctuation alone is no search");
        assertTrue(has(refused(ContentType.EXERCISE, true, params("q", "a b c d e f g h i")), "q", "max-words"));
        assertEquals("a-b c d e f g h", DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "a-b c d e f g h")).q(), "eight words");
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

    @Test
    void eachTypeTakesItsOwnFilters() {
        Map<ContentType, List<String>> accepted = Map.of(
                ContentType.EXERCISE, List.of("topic", "condition", "warning", "stage", "equipment", "region"),
                ContentType.CONDITION, List.of("topic", "condition", "warning"),
                ContentType.WARNING, List.of("topic", "condition", "stage", "urgency"),
                ContentType.PODCAST_EPISODE, List.of("topic", "condition"));
        accepted.forEach((type, filters) -> {
            for (String facet : org.sacrum.content.control.Facets.NAMES) {
                if (filters.contains(facet)) {
                    DeliveryQuery q = DeliveryQuery.parseList(type, params(facet, "some-value"));
                    assertTrue(q.facets().get(facet).contains("some-value"), type + " " + facet);
                } else {
                    assertTrue(has(refused(type, true, params(facet, "some-value")), facet, "filter-not-supported"), type + " " + facet);
                }
            }
        });
    }

    @Test
    void everyFacetTheIndexStoresCanBeFilteredOn() {
        // the facet index (Facets) and the query parser (DeliveryQuery) must agree, or a stored facet is unreachable
        Map<ContentType, String> sample = Map.of(
                ContentType.EXERCISE, "{\"title\":\"T\",\"slug\":\"t\",\"topics\":[\"back-pain\"],\"equipment\":[\"mat\"],\"bodyRegions\":[\"core\"],"
                        + "\"stages\":[{\"stage\":\"postpartum\"}],\"conditions\":[\"c\"],\"warnings\":[\"w\"]}",
                ContentType.CONDITION, "{\"title\":\"T\",\"slug\":\"t\",\"topics\":[\"back-pain\"],\"warnings\":[\"w\"],\"exercises\":[\"e\"],"
                        + "\"differentials\":[{\"condition\":\"c\",\"howToTell\":\"h\"}]}",
                ContentType.WARNING, "{\"title\":\"T\",\"slug\":\"t\",\"topics\":[\"back-pain\"],\"stages\":[\"postpartum\"],\"urgency\":\"routine\","
                        + "\"conditions\":[\"c\"],\"exercises\":[\"e\"]}",
                ContentType.PODCAST_EPISODE, "{\"title\":\"T\",\"slug\":\"t\",\"topics\":[\"back-pain\"],\"conditions\":[\"c\"]}");
        sample.forEach((type, json) -> {
            var facets = org.sacrum.content.control.Facets.facets(org.sacrum.content.control.ContentCodec.read(type, json));
            assertFalse(facets.isEmpty(), type.toString());
            for (var facet : facets) {
                DeliveryQuery q = DeliveryQuery.parseList(type, params(facet.name(), facet.value()));
                assertTrue(q.facets().get(facet.name()).contains(facet.value()), type + " " + facet);
            }
        });
    }

    @Test
    void sortsAndTheirCanonicalForm() {
        for (String sort : List.of("slug", "-slug", "published", "-published")) {
            assertEquals(sort, DeliveryQuery.parseList(ContentType.CONDITION, params("sort", sort)).sort());
        }
        assertEquals("sort=-published", DeliveryQuery.parseList(ContentType.CONDITION, params("sort", "-published")).canonical());
        assertEquals("", DeliveryQuery.parseList(ContentType.CONDITION, params("sort", "slug")).canonical(), "the default is left out");
        assertTrue(has(refused(ContentType.CONDITION, true, params("sort", "SLUG")), "sort", "one-of"));
        assertTrue(has(refused(ContentType.CONDITION, true, params("sort", "title")), "sort", "one-of"));
    }

    @Test
    void emptyAndBlankValues() {
        assertNull(DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "   ")).q(), "a blank search is no search");
        assertEquals("", DeliveryQuery.parseList(ContentType.EXERCISE, params("q", "  ")).canonical());
        assertTrue(DeliveryQuery.parseList(ContentType.EXERCISE, params("include", " ")).included().isEmpty());
        Map<String, List<String>> noValues = new LinkedHashMap<>();
        noValues.put("size", List.of());
        assertTrue(has(refused(ContentType.EXERCISE, true, noValues), "size", "integer"), "?size with no value");
        Map<String, List<String>> nullValue = new LinkedHashMap<>();
        nullValue.put("page", java.util.Arrays.asList((String) null));
        assertTrue(has(refused(ContentType.EXERCISE, true, nullValue), "page", "integer"));
        assertFalse(DeliveryQuery.parseEntry(ContentType.EXERCISE, params("preview", "false")).preview());
        assertFalse(DeliveryQuery.parseList(ContentType.EXERCISE, params("format", "json")).jsonLd(), "a list may ask for json explicitly");
    }

    @Test
    void pageLinksKeepFiltersAndDropThePage() {
        DeliveryQuery q = DeliveryQuery.parseList(ContentType.WARNING, params("urgency", "urgent-same-day,emergency", "page", "3", "sort", "-slug"));
        assertEquals("/api/v1/warnings?page=2&sort=-slug&urgency=emergency%2Curgent-same-day", q.pageLink("/api/v1/warnings", 2));
        assertEquals("/api/v1/warnings?page=1", DeliveryQuery.parseList(ContentType.WARNING, Map.of()).pageLink("/api/v1/warnings", 1));
    }

    @Test
    void asOfIsAnEntryParameterNormalisedToUtc() {
        DeliveryQuery query = DeliveryQuery.parseEntry(ContentType.EXERCISE, params("asOf", "2026-03-03T11:00:00+01:00"));
        assertEquals(java.time.Instant.parse("2026-03-03T10:00:00Z"), query.asOf());
        assertEquals("asOf=2026-03-03T10%3A00%3A00Z", query.canonical());
        assertNull(DeliveryQuery.parseEntry(ContentType.EXERCISE, params()).asOf());
    }

    @Test
    void asOfRefusedWhenUnparseableWithPreviewOrOnALists() {
        assertTrue(has(refused(ContentType.EXERCISE, false, params("asOf", "yesterday")), "asOf", "instant"));
        assertTrue(has(refused(ContentType.EXERCISE, false, params("asOf", "2026-03-03T10:00:00 01:00")), "asOf", "instant"));
        assertTrue(has(refused(ContentType.EXERCISE, false, params("asOf", "2026-03-03T10:00:00Z", "preview", "true")), "asOf", "not-with-preview"));
        assertTrue(has(refused(ContentType.EXERCISE, true, params("asOf", "2026-03-03T10:00:00Z")), "asOf", "unknown-parameter"));
        assertTrue(has(refused(ContentType.EXERCISE, false, params("asOf", "2026-03-03T10:00:00Z", "asOf", "2026-03-04T10:00:00Z")), "asOf", "repeated"));
    }
}
