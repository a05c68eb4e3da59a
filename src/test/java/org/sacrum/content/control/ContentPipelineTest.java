package org.sacrum.content.control;

import org.sacrum.content.entity.ContentType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile content bodies through the whole input pipeline; each finding of issue #11 and of the fuzzer stays fixed. */
class ContentPipelineTest {

    static JsonObject seed(String file) throws IOException {
        return Json.createReader(new StringReader(Files.readString(Path.of("content-model/seed/exercises", file)))).readObject();
    }

    static byte[] body(JsonObject content) {
        return Json.createObjectBuilder().add("content", content).add("changeNote", "test").build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static Problem refused(ContentType type, byte[] body) {
        return assertThrows(ProblemException.class, () -> ContentPipeline.run(type, body)).problem();
    }

    @Test
    void aSeedExerciseIsAcceptedAndRendered() throws IOException {
        JsonObject html = ContentPipeline.run(ContentType.EXERCISE, body(seed("band-pull-apart.json")));
        assertTrue(html.getString("purpose").startsWith("<p>"), html.toString());
    }

    /** Issue #11: a 100,000-character slug overflowed the stack in the schema's pattern check (an HTML 500). */
    @ParameterizedTest
    @ValueSource(ints = {5_000, 9_999, 100_000})
    void aHugeSlugIsA422NamingTheSlug(int length) throws IOException {
        String slug = "a-".repeat(length / 2) + "a"; // the worst case of the slug pattern: one group repetition per 2 chars
        JsonObject content = Json.createObjectBuilder(seed("band-pull-apart.json")).add("slug", slug).build();
        Problem p = refused(ContentType.EXERCISE, body(content));
        assertEquals(422, p.status(), p.toString());
        assertTrue(p.violations().stream().anyMatch(v -> v.field().equals("content.slug") && v.rule().equals("max-length")),
                p.violations().toString());
    }

    /** On a worker thread's small stack, the slug pattern overflows well below the 10,000 characters it is run on. */
    @Test
    void aSlugThatOverflowsTheRegexStackIsJustInvalid() throws Exception {
        JsonObject content = Json.createObjectBuilder(seed("band-pull-apart.json")).add("slug", "a-".repeat(4_000) + "a").build();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                outcome.set(SchemaValidation.draft(ContentType.EXERCISE, content.toString()));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 512 * 1024);
        worker.start();
        worker.join();
        assertTrue(outcome.get() instanceof List<?> violations && violations.stream().anyMatch(v -> v instanceof Violation x
                && x.field().equals("slug") && x.rule().equals("pattern")), String.valueOf(outcome.get()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "42", "", "{", "{\"x\":{"})
    void hostileBodiesAre400(String body) {
        Problem p = refused(ContentType.WARNING, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, p.status(), p.toString());
    }

    /** Found by the fuzzer (corpus: finding-prose-mentions-javascript-scheme.json): the oracle, not the product, was wrong. */
    @Test
    void theWordsJavascriptColonInProseAreTextButAJavascriptLinkIsDropped() throws IOException {
        byte[] finding = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                "src/test/resources/org/sacrum/content/control/ContentPipelineFuzzTestInputs/pipeline/finding-prose-mentions-javascript-scheme.json"));
        JsonObject html = ContentPipeline.run(ContentType.PODCAST_EPISODE, finding);
        assertTrue(html.toString().contains("javascript:"), "kept as text: " + html);
        html.values().forEach(v -> assertFalse(ContentPipeline.carriesScript(((jakarta.json.JsonString) v).getString()), v.toString()));
        assertTrue(ContentPipeline.carriesScript("<a href=\"javascript:alert(1)\">x</a>"));
        assertTrue(ContentPipeline.carriesScript("<img src=x onerror=alert(1)>"));
        assertFalse(ContentPipeline.carriesScript("<p>a javascript: link is text here</p>"));
        JsonObject content = Json.createObjectBuilder(seed("band-pull-apart.json"))
                .add("purpose", "[click](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this</a>").build();
        JsonObject rendered = ContentPipeline.run(ContentType.EXERCISE, body(content));
        assertFalse(ContentPipeline.carriesScript(rendered.getString("purpose")), rendered.getString("purpose"));
    }

    @Test
    void aHundredThousandBracketsAre400() {
        Problem p = refused(ContentType.CONDITION, "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, p.status());
        assertEquals("body-too-deep", p.violations().get(0).rule());
    }

    @Test
    void contentThatIsNotAnObjectIs400() {
        Problem p = refused(ContentType.EXERCISE, "{\"content\": [1]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, p.status());
        assertEquals("content", p.violations().get(0).field());
    }

    @Test
    void scriptInMarkdownNeverSurvivesRendering() throws IOException {
        JsonObject content = Json.createObjectBuilder(seed("band-pull-apart.json"))
                .add("purpose", "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>").build();
        String html = ContentPipeline.run(ContentType.EXERCISE, body(content)).getString("purpose").toLowerCase();
        assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("<img"), html);
    }
}
