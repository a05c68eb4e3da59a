package org.sacrum.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DifferentialTableTest {
    static JsonObject features(String where, String eased) {
        var b = Json.createObjectBuilder().add("whereFelt", Json.createArrayBuilder().add(where));
        if (eased != null) {
            b.add("easedBy", Json.createArrayBuilder().add(eased).add("Bending forward"));
        }
        return b.build();
    }

    @Test
    void rowsAreTheFeaturesAnyConditionStatesWithOneCellPerCondition() {
        JsonObject table = DifferentialTable.of(List.of(
                new DifferentialTable.Column("sciatica", "Sciatica", features("Back of the thigh", "Sitting")),
                new DifferentialTable.Column("si", "SI joint pain", features("Around the joint", null))));
        assertEquals(List.of("sciatica", "si"), table.getJsonArray("conditions").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("slug")).toList());
        var rows = table.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(List.of("whereFelt", "easedBy"), rows.stream().map(r -> r.getString("feature")).toList(),
                "timing and worsenedBy are stated by neither: no row");
        assertEquals("What eases it", rows.get(1).getString("label"));
        assertEquals(Json.createArrayBuilder().add(Json.createArrayBuilder().add("Sitting").add("Bending forward"))
                .add(Json.createArrayBuilder()).build(), rows.get(1).getJsonArray("cells"));
        assertEquals("""
                | Feature | Sciatica | SI joint pain |
                |---|---|---|
                | Where it is felt | Back of the thigh | Around the joint |
                | What eases it | Sitting; Bending forward |  |
                """, table.getString("markdown"));
        String html = table.getString("html");
        assertTrue(html.contains("<table>") && html.contains("<th>Sciatica</th>") && html.contains("<td>Sitting; Bending forward</td>"), html);
    }

    @Test
    void cellTextCannotBreakTheTableOrInjectMarkup() {
        JsonObject table = DifferentialTable.of(List.of(
                new DifferentialTable.Column("a", "A | B", features("x | y <script>alert(1)</script> *bold* [l](javascript:alert(1))", null)),
                new DifferentialTable.Column("b", "Plain", null)));
        String md = table.getString("markdown");
        assertEquals(3, md.lines().count(), md);
        assertEquals(4, md.lines().skip(2).findFirst().orElseThrow().replace("\\|", "").chars().filter(c -> c == '|').count(),
                "three cells: the pipes in the text are escaped");
        String html = table.getString("html");
        assertFalse(html.contains("<script") || html.contains("<a ") || html.contains("<em>"), html);
        assertTrue(html.contains("x | y"), html);
        assertFalse(table.getJsonArray("conditions").getJsonObject(1).getBoolean("hasFeatures"));
    }

    @Test
    void conditionsWithoutFeaturesGiveAnEmptyTable() {
        JsonObject table = DifferentialTable.of(List.of(new DifferentialTable.Column("a", "A", null),
                new DifferentialTable.Column("b", "B", null)));
        assertEquals(0, table.getJsonArray("rows").size());
        assertEquals("", table.getString("markdown"));
        assertEquals("", table.getString("html"));
    }

    @Test
    void gitHubTablesInMarkdownFieldsAreRenderedAndSanitised() {
        String html = MarkdownRenderer.html("| Sign | Go to |\n|---|---|\n| Fever | <img src=x onerror=alert(1)> [x](javascript:alert(1)) |\n");
        assertTrue(html.contains("<table>") && html.contains("<th>Sign</th>") && html.contains("<td>Fever</td>"), html);
        assertFalse(html.contains("<img") || html.contains("onerror=") || html.contains("javascript:"), html);
    }
}
