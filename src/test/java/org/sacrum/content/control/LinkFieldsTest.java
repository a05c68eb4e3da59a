package org.sacrum.content.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentType;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The console's form generator works from the served JSON Schemas and LinkFields alone: every link field is found in
 * the Java model, and the schemas use only the keywords the generator understands (a new keyword needs console work).
 */
class LinkFieldsTest {
    /** What console/js/form.js reads or may ignore safely; a schema using anything else fails this test. */
    private static final Set<String> UNDERSTOOD = Set.of("$schema", "$id", "$ref", "$defs", "title", "description", "type",
            "properties", "required", "additionalProperties", "items", "enum", "const", "minItems", "maxItems", "uniqueItems",
            "minLength", "maxLength", "minimum", "maximum", "pattern", "format", "minProperties", "maxProperties",
            // validation the server alone does (the console shows its violations beside the field)
            "if", "then", "else", "allOf", "not", "x-sacrum-draft-required");

    @Test
    void exerciseLinksConditionsWarningsAndExercisesInItsVariations() {
        Map<String, ContentType> links = LinkFields.of(ContentType.EXERCISE);
        assertEquals(ContentType.WARNING, links.get("warnings"));
        assertEquals(ContentType.CONDITION, links.get("conditions"));
        assertEquals(ContentType.EXERCISE, links.get("progressions[].exercise"));
        assertEquals(ContentType.EXERCISE, links.get("regressions[].exercise"));
        assertFalse(links.containsKey("slug"), "an entry's own slug is no link");
        assertFalse(links.containsKey("topics"), "topics are taxonomy slugs, not entries");
    }

    @Test
    void otherTypesLinksAreFoundInTheirSchemasToo() {
        for (ContentType type : ContentType.values()) {
            LinkFields.of(type).forEach((path, linked) -> assertNotNull(linked, type + " " + path));
        }
        assertEquals(ContentType.CONDITION, LinkFields.of(ContentType.PODCAST_EPISODE).get("conditions"));
        assertEquals(ContentType.EXERCISE, LinkFields.of(ContentType.WARNING).get("exercises"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("org.sacrum.content.control.ContentModelAgreementTest#seedFiles")
    void linksReadFromTheJsonAreTheModelsLinks(ContentType type, String file) throws java.io.IOException {
        String json = java.nio.file.Files.readString(java.nio.file.Path.of("content-model/seed", type.plural(), file));
        Map<ContentType, java.util.List<String>> model = ContentCodec.read(type, json).links();
        Map<ContentType, java.util.List<String>> read = LinkFields.linksOf(type, ContentCodec.toJsonObject(json));
        assertEquals(model.keySet(), read.keySet(), file);
        model.forEach((linked, slugs) -> assertEquals(slugs.stream().distinct().toList(), read.get(linked), file + " " + linked));
    }

    @Test
    void linksReadFromTheJsonFollowEveryLinkFieldAndSkipWhatIsNoSlug() {
        JsonObject exercise = ContentCodec.toJsonObject("""
                {"slug": "a", "warnings": ["w1", "w2", "w1"], "conditions": ["c1"], "topics": ["stretching"],
                 "progressions": [{"exercise": "e2"}, {"note": "no slug"}], "regressions": [{"exercise": "e1"}, {"exercise": "e2"}]}
                """);
        Map<ContentType, java.util.List<String>> links = LinkFields.linksOf(ContentType.EXERCISE, exercise);
        assertEquals(java.util.List.of("w1", "w2"), links.get(ContentType.WARNING));
        assertEquals(java.util.List.of("c1"), links.get(ContentType.CONDITION));
        assertEquals(java.util.List.of("e2", "e1"), links.get(ContentType.EXERCISE));
        assertEquals(Set.of(ContentType.WARNING, ContentType.CONDITION, ContentType.EXERCISE), links.keySet(), "topics and the own slug are no links");
        assertEquals(Map.of(), LinkFields.linksOf(ContentType.EXERCISE, ContentCodec.toJsonObject("{\"slug\": \"a\", \"warnings\": []}")));
    }

    @Test
    void theSchemasUseOnlyKeywordsTheConsoleFormUnderstands() {
        Set<String> unknown = new TreeSet<>();
        ContentModel.current().data().schemas().forEach((file, schema) -> keywords(file, schema, unknown));
        assertEquals(Set.of(), unknown, "teach console/js/form.js these keywords, then list them here");
    }

    private static void keywords(String where, JsonValue node, Set<String> unknown) {
        if (node instanceof JsonArray array) {
            array.forEach(item -> keywords(where, item, unknown));
        } else if (node instanceof JsonObject object) {
            object.forEach((key, value) -> {
                if (!UNDERSTOOD.contains(key)) {
                    unknown.add(where + ": " + key);
                }
                if (key.equals("properties") || key.equals("$defs")) {
                    ((JsonObject) value).values().forEach(schema -> keywords(where, schema, unknown));
                } else if (!key.equals("enum") && !key.equals("const") && !key.equals("required") && !key.equals("x-sacrum-draft-required")) {
                    keywords(where, value, unknown);
                }
            });
        }
    }
}
