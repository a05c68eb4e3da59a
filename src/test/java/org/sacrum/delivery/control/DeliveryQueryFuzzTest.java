package org.sacrum.delivery.control;

import org.sacrum.delivery.boundary.CachedDeliveryFilter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fuzzes the delivery query parser: whatever the query string, {@link DeliveryQuery} either accepts it within its
 * bounds, with a canonical form that parses back to itself, or refuses it with the documented 400 (invalid-query,
 * at most {@link DeliveryQuery#MAX_VIOLATIONS} violations with documented rule codes). Nothing else may escape.
 * The first input byte picks the type and list or entry; the rest is the raw query string, so the corpus in
 * DeliveryQueryFuzzTestInputs/ reads as URLs. Fuzz with: JAZZER_FUZZ=1 mvn -o test -Dtest=DeliveryQueryFuzzTest
 */
class DeliveryQueryFuzzTest {
    static final Set<String> RULES = Set.of("unknown-parameter", "filter-not-supported", "repeated", "locale", "one-of", "boolean",
            "detail-only", "max-length", "integer", "range", "max-depth", "values", "value", "instant", "not-future", "not-with-preview",
            "cursor", "cursor-sort", "not-with-page", "has-word", "max-words");

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ContentType type = ContentType.values()[(input[0] & 0xff) % ContentType.values().length];
        boolean list = (input[0] & 4) == 0;
        String rawQuery = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        Map<String, List<String>> params = queryParameters(rawQuery);
        try {
            DeliveryQuery query = list ? DeliveryQuery.parseList(type, params) : DeliveryQuery.parseEntry(type, params);
            assertWithinBounds(query);
            String canonical = query.canonical();
            DeliveryQuery again = list ? DeliveryQuery.parseList(type, queryParameters(canonical)) : DeliveryQuery.parseEntry(type, queryParameters(canonical));
            assertEquals(canonical, again.canonical(), "the canonical form parses back to itself");
        } catch (ProblemException refused) {
            assertEquals(400, refused.problem().status());
            assertEquals("https://sacrum.dev/problems/invalid-query", refused.problem().type());
            List<Violation> violations = refused.problem().violations();
            assertNotNull(violations);
            assertTrue(!violations.isEmpty() && violations.size() <= DeliveryQuery.MAX_VIOLATIONS, violations.toString());
            for (Violation v : violations) {
                assertTrue(RULES.contains(v.rule()), v.rule());
                assertTrue(v.field().length() <= 50, v.field());
                assertTrue(v.message().length() <= 300, v.message());
            }
        }
        // the servlet filter's key never throws either, and exists only for queries the parser accepts
        Map<String, String[]> servlet = new LinkedHashMap<>();
        params.forEach((name, values) -> servlet.put(name, values.toArray(String[]::new)));
        Optional<String> key = CachedDeliveryFilter.key("/api/v1/" + type.plural() + (list ? "" : "/cat-cow"), servlet, rawQuery);
        key.ifPresent(k -> assertTrue(k.startsWith("v1/" + type.plural())));
    }

    private static void assertWithinBounds(DeliveryQuery q) {
        assertTrue(q.page() >= 1 && q.size() >= 1 && q.size() <= DeliveryQuery.MAX_SIZE, q.toString());
        assertTrue((long) q.page() * q.size() <= (q.q() == null ? DeliveryQuery.MAX_DEPTH : DeliveryQuery.MAX_SEARCH_DEPTH), q.toString());
        assertTrue(q.q() == null || q.q().length() <= DeliveryQuery.MAX_Q);
        assertTrue(q.locale().length() <= 5);
        q.facets().forEach((name, values) -> {
            assertTrue(org.sacrum.content.control.Facets.of(q.type()).contains(name), name);
            assertFalse(values.isEmpty());
            assertTrue(values.stream().allMatch(v -> v.length() <= DeliveryQuery.MAX_VALUE));
        });
        assertTrue(!q.preview() || !q.list());
    }

    /** Splits a raw query as a servlet container does: '&'-separated, name=value, percent-decoded (undecodable kept raw). */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
