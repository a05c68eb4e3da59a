package org.sacrum.delivery.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;
import org.sacrum.delivery.control.DeliveryQueries.BackLinks;
import org.sacrum.platform.control.Json;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A warning's back-links are bounded: the first slugs of each type, every total, and where the rest are listed. */
class LinkedFromTest {
    @Test
    void aTypeWithMoreThanAreShownSaysHowManyAndWhereTheRestAre() {
        List<String> first = IntStream.range(0, DeliveredViews.LINKED_FROM_SHOWN).mapToObj(i -> "exercise-" + i).toList();
        Map<ContentType, BackLinks> links = new EnumMap<>(ContentType.class);
        links.put(ContentType.EXERCISE, new BackLinks(first, 50_000));
        links.put(ContentType.CONDITION, new BackLinks(List.of("sciatica"), 1));
        links.put(ContentType.TREATMENT, new BackLinks(List.of(), 0));
        links.put(ContentType.HABIT, new BackLinks(List.of(), 0));
        JsonObjectBuilder b = Json.createObjectBuilder();
        DeliveredViews.addLinkedFrom(links, "severe-pain", b);
        JsonObject view = b.build();
        assertEquals(100, view.getJsonObject("linkedFrom").getJsonArray("exercises").size());
        assertEquals(List.of("sciatica"), view.getJsonObject("linkedFrom").getJsonArray("conditions").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(50_000, view.getJsonObject("linkedFromTotals").getInt("exercises"));
        assertEquals(0, view.getJsonObject("linkedFromTotals").getInt("habits"));
        assertEquals(Map.of("exercises", "/api/v1/exercises?warning=severe-pain"),
                Map.of("exercises", view.getJsonObject("linkedFromMore").getString("exercises")));
        assertEquals(1, view.getJsonObject("linkedFromMore").size(), "only the types cut short");
    }

    @Test
    void nothingCutShortHasNoMore() {
        Map<ContentType, BackLinks> links = new EnumMap<>(ContentType.class);
        for (ContentType type : List.of(ContentType.EXERCISE, ContentType.CONDITION, ContentType.TREATMENT, ContentType.HABIT)) {
            links.put(type, new BackLinks(List.of("a-" + type.id()), 1));
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        DeliveredViews.addLinkedFrom(links, "x", b);
        assertFalse(b.build().containsKey("linkedFromMore"));
    }
}
