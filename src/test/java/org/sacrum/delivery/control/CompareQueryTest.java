package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CompareQueryTest {
    static List<String> rules(Map<String, List<String>> params) {
        ProblemException e = assertThrows(ProblemException.class, () -> CompareQuery.parse(params));
        assertEquals(400, e.problem().status());
        return e.problem().violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void slugsAreKeptInColumnOrder() {
        CompareQuery q = CompareQuery.parse(Map.of("slugs", List.of("sciatica-in-pregnancy, si-joint-pain")));
        assertEquals(List.of("sciatica-in-pregnancy", "si-joint-pain"), q.slugs());
        assertEquals("en-GB", q.locale());
    }

    @Test
    void everyBadParameterIsNamedWithItsRule() {
        assertEquals(List.of("slugs:required"), rules(Map.of()));
        assertEquals(List.of("slugs:size"), rules(Map.of("slugs", List.of("one-only"))));
        assertEquals(List.of("slugs:unique-items", "slugs:size"), rules(Map.of("slugs", List.of("a-b,a-b"))));
        assertEquals(List.of("slugs:slug"), rules(Map.of("slugs", List.of("ok-one,ok-two,Not A Slug"))));
        assertEquals(List.of("slugs:size"), rules(Map.of("slugs", List.of("a1,a2,a3,a4,a5,a6,a7"))));
        assertEquals(List.of("cb:unknown-parameter"), rules(Map.of("slugs", List.of("a1,a2"), "cb", List.of("1"))));
        assertEquals(List.of("slugs:repeated"), rules(Map.of("slugs", List.of("a1,a2", "a3,a4"))));
        assertEquals(List.of("locale:locale"), rules(Map.of("slugs", List.of("a1,a2"), "locale", List.of("english"))));
    }
}
