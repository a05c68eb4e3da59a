package org.sacrum.delivery.boundary;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The filter answers from the cache with the key the resource stores under, and never for a query the resource refuses. */
class CachedDeliveryFilterTest {
    private static Map<String, String[]> params(String... nameValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], new String[]{nameValues[i + 1]});
        }
        return params;
    }

    @Test
    void oneKeyForEverySpellingOfAQuery() {
        Optional<String> a = CachedDeliveryFilter.key("/api/v1/exercises", params("size", "100", "include", "warnings,conditions"), null);
        Optional<String> b = CachedDeliveryFilter.key("/api/v1/exercises", params("include", "conditions,warnings", "size", "100", "page", "1"), "*/*");
        assertTrue(a.isPresent());
        assertEquals(a, b);
        assertEquals("v1/exercises?include=conditions%2Cwarnings&size=100|application/json", a.get());
    }

    @Test
    void noKeyForARefusedQuerySoItReachesTheResource() {
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises", params("size", "100", "cb", "1"), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises", params("page", "2147483647"), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises/cat-cow", params("preview", "true"), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises/Cat%20Cow", params(), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/topics", params(), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises/a/b", params(), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises/%zz", params(), null));
        assertEquals(Optional.empty(), CachedDeliveryFilter.key("/api/v1/exercises/cat-cow", params("asOf", "2026-03-03T10:00:00Z"), null),
                "a point-in-time read is never answered from the cache of current responses");
    }

    @Test
    void entriesKeyOnTheDecodedSlugAndTheRepresentation() {
        assertEquals(Optional.of("v1/exercises/cat-cow?|application/json"), CachedDeliveryFilter.key("/api/v1/exercises/%63at-cow", params(), null));
        assertEquals(Optional.of("v1/exercises/cat-cow?format=jsonld|application/ld+json"),
                CachedDeliveryFilter.key("/api/v1/exercises/cat-cow", params("format", "jsonld"), null));
        assertEquals(Optional.of("v1/exercises/cat-cow?|application/ld+json"),
                CachedDeliveryFilter.key("/api/v1/exercises/cat-cow", params(), "application/ld+json"));
    }
}
