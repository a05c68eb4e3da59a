package org.sacrum.content.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.sacrum.content.entity.ContentModelData;
import org.sacrum.content.entity.ContentType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Loading the content model as the startup bean does, from the real files and from broken copies: a broken file is a
 * {@link ModelFileException} naming the file and the problem (which fails the deployment), never a half-loaded model.
 */
class ContentModelTest {

    @Test
    void loadsTheRealFiles() {
        ContentModel model = ContentModel.fromClasspath();
        ContentModelData data = model.data();
        assertEquals(List.of("exercise.schema.json", "condition.schema.json", "warning.schema.json", "podcast-episode.schema.json",
                        "treatment.schema.json", "habit.schema.json"),
                List.copyOf(data.schemas().keySet()).subList(0, 6), "the content types' schemas first");
        assertEquals(java.util.Set.of("exercise.schema.json", "condition.schema.json", "warning.schema.json", "podcast-episode.schema.json",
                "treatment.schema.json", "habit.schema.json", "topic.schema.json", "common.schema.json", "citation.schema.json", "person.schema.json"), data.schemas().keySet(),
                "and every file they refer to");
        assertTrue(data.taxonomy().contains("si-joint-pain"));
        assertFalse(data.taxonomy().contains("no-such-topic"));
        assertEquals(List.of("back-pain", "low-back-pain", "upper-back-pain"), data.taxonomy().withDescendants("back-pain"));
        assertEquals("draft", data.workflow().getString("initial"));
        assertTrue(ContentModel.markdownFields(ContentType.CONDITION).contains("differentials[].howToTell"),
                ContentModel.markdownFields(ContentType.CONDITION).toString());
    }

    @Test
    void aMissingFileIsNamed() {
        assertBroken("topics.json", null, "content-model/topics.json: missing");
        assertBroken("workflow.json", null, "content-model/workflow.json: missing");
        assertBroken("schemas/warning.schema.json", null, "content-model/schemas/warning.schema.json: missing");
    }

    @Test
    void unparseableJsonIsNamedWithWhereItBreaks() {
        ModelFileException e = assertBroken("workflow.json", "{\"initial\": \"draft\",\n \"states\": [}",
                "content-model/workflow.json: not valid JSON");
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        assertBroken("topics.json", "", "content-model/topics.json: not valid JSON");
        assertBroken("schemas/common.schema.json", "{\"$schema\": ", "content-model/schemas/common.schema.json: not valid JSON");
    }

    @Test
    void filesOfTheWrongShapeAreRefused() {
        assertBroken("workflow.json", "[]", "content-model/workflow.json: must be a JSON object");
        assertBroken("topics.json", "{}", "content-model/topics.json: must be a JSON array");
        assertBroken("schemas/exercise.schema.json", "[]", "content-model/schemas/exercise.schema.json: a JSON Schema must be a JSON object");
    }

    @Test
    void aSchemaBreakingTheMetaSchemaIsRefused() {
        String schema = real("schemas/warning.schema.json").replace("\"minItems\": 1", "\"minItems\": \"one\"");
        assertNotEquals(real("schemas/warning.schema.json"), schema, "the test edits the schema");
        ModelFileException e = assertBroken("schemas/warning.schema.json", schema,
                "content-model/schemas/warning.schema.json: not a valid JSON Schema 2020-12");
        assertTrue(e.getMessage().contains("minItems"), e.getMessage());
    }

    @Test
    void referencesMustResolveToFilesOfTheModel() {
        String exercise = real("schemas/exercise.schema.json");
        assertBroken("schemas/exercise.schema.json", exercise.replace("common.schema.json#/$defs/markdown", "prose.schema.json#/$defs/markdown"),
                "content-model/schemas/prose.schema.json: missing");
        assertBroken("schemas/exercise.schema.json", exercise.replace("common.schema.json#/$defs/markdown",
                "https://example.org/common.schema.json#/$defs/markdown"), "content-model/schemas/exercise.schema.json: \"$ref\"");
        assertBroken("schemas/exercise.schema.json", exercise.replace("#/$defs/range", "#/$defs/ranges"),
                "content-model/schemas/: the schemas do not compile");
        assertBroken("schemas/person.schema.json", real("schemas/person.schema.json").replace("https://sacrum.dev/schemas/person.schema.json",
                "https://sacrum.dev/schemas/people.schema.json"), "content-model/schemas/person.schema.json: \"$id\" must be");
    }

    @Test
    void requiredListsMustNameProperties() {
        String exercise = real("schemas/exercise.schema.json").replace("\"x-sacrum-draft-required\": [\"title\", \"slug\"]",
                "\"x-sacrum-draft-required\": [\"title\", \"name\"]");
        assertBroken("schemas/exercise.schema.json", exercise,
                "content-model/schemas/exercise.schema.json: \"x-sacrum-draft-required\" names no property: [name]");
    }

    @Test
    void topicsAreCheckedAgainstTheirSchemaAndEachOther() {
        assertBroken("topics.json", "[{\"slug\": \"Back Pain\", \"title\": \"Back pain\"}]",
                "content-model/topics.json: breaks schemas/topic.schema.json: [[0].slug pattern");
        assertBroken("topics.json", "[{\"slug\": \"back-pain\", \"title\": \"Back pain\"}, {\"slug\": \"back-pain\", \"title\": \"Again\"}]",
                "content-model/topics.json: [1]: topic \"back-pain\" is listed twice");
        assertBroken("topics.json", "[{\"slug\": \"low-back-pain\", \"title\": \"Low back pain\", \"parent\": \"back-pain\"},"
                + " {\"slug\": \"back-pain\", \"title\": \"Back pain\"}]", "content-model/topics.json: [0]: parent \"back-pain\"");
        assertBroken("topics.json", "[{\"slug\": \"back-pain\", \"title\": \"Back pain\", \"parent\": \"back-pain\"}]",
                "content-model/topics.json: [0]: parent \"back-pain\"");
    }

    @Test
    void theTopicValidatorReadsTheInstalledTaxonomy() {
        ContentModel.current();
        assertSame(ContentModel.current().data(), ContentModelData.current());
        assertEquals(ContentModel.topicSlugs(), ContentModelData.current().taxonomy().slugs());
    }

    @Test
    void everySeedEntryHasOnlyTheFacetsDeclaredForItsType() {
        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        for (ContentType type : ContentType.values()) {
            assertTrue(Facets.NAMES.containsAll(Facets.of(type)), type + ": " + Facets.of(type));
            Set<String> seen = new HashSet<>();
            for (jakarta.json.JsonValue line : manifest.getJsonArray(type.plural())) {
                // a manifest line is a file name, or an object naming the file and the state it is seeded in
                String file = line instanceof JsonString name ? name.getString() : line.asJsonObject().getString("file");
                String json = ContentModel.read("seed/" + type.plural() + "/" + file).toString();
                Facets.facets(ContentCodec.read(type, json)).forEach(f -> seen.add(f.name()));
            }
            assertTrue(Facets.of(type).containsAll(seen), type + ": the seed uses only declared facets: " + seen);
        }
    }

    private static ModelFileException assertBroken(String path, String replacement, String expectedStart) {
        Map<String, String> replaced = new java.util.HashMap<>();
        replaced.put(path, replacement);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ContentModel.load(file -> replaced.containsKey(file)
                ? stream(replaced.get(file)) : ContentModel.class.getClassLoader().getResourceAsStream(ContentModel.ROOT + file)));
        assertTrue(e.getMessage().startsWith(expectedStart), "expected \"" + expectedStart + "…\", got: " + e.getMessage());
        return e;
    }

    private static InputStream stream(String text) {
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String real(String path) {
        try (InputStream in = ContentModel.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
