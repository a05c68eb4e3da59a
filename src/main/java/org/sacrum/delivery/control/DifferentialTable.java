package org.sacrum.delivery.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.sacrum.content.entity.DifferentialFeatures;
import org.sacrum.platform.control.Json;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Conditions side by side, one row per differential feature (where felt, timing, what eases, what worsens), as data
 * (rows of cells, each cell the condition's list for that feature) and as a GitHub-flavoured Markdown table with its
 * sanitised HTML. A feature no compared condition states has no row; a condition that does not state it has an empty cell.
 */
public final class DifferentialTable {
    static final Map<String, String> LABELS = Map.of("whereFelt", "Where it is felt", "timing", "When it hurts",
            "easedBy", "What eases it", "worsenedBy", "What makes it worse");

    private DifferentialTable() {
    }

    /** A compared condition: slug, title and its content's "features" object (null when it has none). */
    public record Column(String slug, String title, JsonObject features) {
    }

    public static JsonObject of(List<Column> columns) {
        JsonArrayBuilder conditions = Json.createArrayBuilder();
        columns.forEach(c -> conditions.add(Json.createObjectBuilder().add("slug", c.slug()).add("title", c.title())
                .add("self", "/api/v1/conditions/" + c.slug()).add("hasFeatures", c.features() != null)));
        StringBuilder md = new StringBuilder("| Feature |");
        columns.forEach(c -> md.append(' ').append(escape(c.title())).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        JsonArrayBuilder rows = Json.createArrayBuilder();
        int rowCount = 0;
        for (String feature : DifferentialFeatures.NAMES) {
            List<List<String>> cells = columns.stream().map(c -> values(c.features(), feature)).toList();
            if (cells.stream().allMatch(List::isEmpty)) {
                continue;
            }
            rowCount++;
            JsonArrayBuilder cellArray = Json.createArrayBuilder();
            cells.forEach(cell -> {
                JsonArrayBuilder items = Json.createArrayBuilder();
                cell.forEach(items::add);
                cellArray.add(items);
            });
            rows.add(Json.createObjectBuilder().add("feature", feature).add("label", LABELS.get(feature)).add("cells", cellArray));
            md.append("| ").append(LABELS.get(feature)).append(" |");
            cells.forEach(cell -> md.append(' ').append(cell.stream().map(DifferentialTable::escape)
                    .collect(Collectors.joining("; "))).append(" |"));
            md.append('\n');
        }
        String markdown = rowCount == 0 ? "" : md.toString();
        return Json.createObjectBuilder().add("conditions", conditions).add("rows", rows)
                .add("markdown", markdown).add("html", markdown.isEmpty() ? "" : MarkdownRenderer.html(markdown)).build();
    }

    private static List<String> values(JsonObject features, String feature) {
        if (features == null || !(features.get(feature) instanceof JsonArray items)) {
            return List.of();
        }
        return items.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Content text as a literal table cell: every ASCII punctuation character backslash-escaped, line breaks as spaces. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.replaceAll("\\s+", " ").strip().toCharArray()) {
            if (c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
