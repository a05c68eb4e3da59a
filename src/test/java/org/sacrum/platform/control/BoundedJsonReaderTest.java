package org.sacrum.platform.control;

import org.sacrum.platform.boundary.JsonBodyGate;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;

import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedJsonReaderTest {
    private final BoundedJsonReader reader = new BoundedJsonReader(1024, 8);

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private Problem refused(String body) {
        return assertThrows(ProblemException.class, () -> reader.readObject(bytes(body)), body).problem();
    }

    private static void assertRule(Problem problem, int status, String rule) {
        assertEquals(status, problem.status(), problem.toString());
        assertTrue(problem.type().endsWith("/" + rule), problem.toString());
        assertEquals(rule, problem.violations().get(0).rule(), problem.toString());
    }

    @Test
    void aBodyCutOffOrTooSlowIsA408NotAServerError() {
        InputStream cutOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws java.io.IOException {
                if (sent++ < 6) {
                    return "{\"x\":{".charAt(sent - 1);
                }
                throw new java.io.EOFException("client went away"); // what Grizzly throws on a read timeout or a closed connection
            }
        };
        ProblemException refused = assertThrows(ProblemException.class, () -> reader.readObject(cutOff));
        assertEquals(408, refused.problem().status());
        assertEquals("body-incomplete", refused.problem().violations().get(0).rule());
    }

    @Test
    void readsAnObject() {
        JsonObject o = reader.readObject(bytes(" {\"a\": [1, 2.5, \"x\", true, false, null, {\"b\": {}}]} \n"));
        assertEquals("{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":{}}]}", o.toString());
    }

    /** The six bytes that froze a worker thread in JSON-B's skip: refused at once, on every truncation of them. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":{", "{", "{\"x\"", "{\"x\":", "{\"x\":[", "{\"x\":\"abc", "[", "{\"a\":1,", "{\"a\":tru"})
    void truncatedBodiesAreMalformedQuickly(String body) {
        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(body));
        assertRule(p, 400, "malformed-json");
    }

    @Test
    void malformedNamesLineAndColumn() {
        Problem p = refused("{\n  \"a\": 1,\n  oops\n}");
        assertRule(p, 400, "malformed-json");
        assertTrue(p.detail().contains("line 3"), p.detail());
    }

    @Test
    void trailingContentIsMalformed() {
        assertRule(refused("{} {}"), 400, "malformed-json");
        assertRule(refused("{}x"), 400, "malformed-json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "42", "true", "[{}]"})
    void nonObjectBodiesAreRefused(String body) {
        assertRule(refused(body), 400, "body-not-object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void emptyBodiesAreMissing(String body) {
        assertRule(refused(body), 400, "body-missing");
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() {
        BoundedJsonReader big = new BoundedJsonReader(1_000_000, 64);
        Problem p = assertThrows(ProblemException.class, () -> big.readObject(bytes("[".repeat(100_000)))).problem();
        assertRule(p, 400, "body-too-deep");
        Problem objects = assertThrows(ProblemException.class, () -> big.readObject(bytes("{\"a\":".repeat(65) + "1" + "}".repeat(65)))).problem();
        assertRule(objects, 400, "body-too-deep");
        assertEquals(64, depth(big.readObject(bytes("{\"a\":".repeat(64) + "1" + "}".repeat(64)))));
    }

    private static int depth(JsonObject o) {
        int depth = 1;
        for (JsonObject x = o; x.get("a") instanceof JsonObject next; x = next) {
            depth++;
        }
        return depth;
    }

    @Test
    void bodiesAboveTheLimitAre413WithoutReadingFurther() {
        Problem p = assertThrows(ProblemException.class, () -> reader.readObject(bytes("{\"a\":\"" + "x".repeat(2000) + "\"}"))).problem();
        assertRule(p, 413, "body-too-large");
        // exactly at the limit is fine
        String atLimit = "{\"a\":\"" + "x".repeat(1024 - 8) + "\"}";
        assertEquals(1024, atLimit.length());
        assertEquals(1024 - 8, reader.readObject(bytes(atLimit)).getString("a").length());
        // an endless stream is cut off after the limit
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertRule(assertThrows(ProblemException.class, () -> reader.readObject(endless)).problem(), 413, "body-too-large");
    }

    @Test
    void duplicateKeysAreRefusedNamingTheField() {
        Problem p = refused("{\"a\":{\"b\":1,\"b\":2}}");
        assertRule(p, 400, "duplicate-field");
        assertEquals("a.b", p.violations().get(0).field());
    }

    @ParameterizedTest
    // 1e9999999999 and 1E-9999999999: exponents beyond int, a fuzz finding (BigDecimal threw NumberFormatException)
    @ValueSource(strings = {"{\"n\":1e999999999}", "{\"n\":1e-999999999}", "{\"n\":1e9999999999}", "{\"n\":1E-9999999999}",
            "{\"n\":1" + "0" + "}"})
    void hugeNumbersAreRefused(String body) {
        if (body.equals("{\"n\":10}")) {
            assertEquals(10, reader.readObject(bytes(body)).getInt("n"));
            return;
        }
        Problem p = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refused(body));
        assertRule(p, 400, "number-out-of-range");
        assertEquals("n", p.violations().get(0).field());
    }

    @Test
    void longNumberLiteralsAreRefused() {
        assertRule(refused("{\"n\":" + "9".repeat(200) + "}"), 400, "number-out-of-range");
    }

    @Test
    void invalidUtf8IsMalformedNotAnError() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Problem p = assertThrows(ProblemException.class, () -> reader.readObject(new ByteArrayInputStream(bad))).problem();
        assertEquals(400, p.status(), p.toString());
    }

    record Comment(String field, String comment) {
    }

    record Request(Integer revision, List<Comment> comments) {
    }

    @Test
    void unknownFieldsOfRecordsAreRefusedWithTheirPath() {
        BoundedJsonReader.refuseUnknownFields(reader.readObject(bytes("{\"revision\":1,\"comments\":[{\"field\":\"a\",\"comment\":\"b\"}]}")),
                Request.class);
        Problem top = assertThrows(ProblemException.class, () -> BoundedJsonReader.refuseUnknownFields(
                reader.readObject(bytes("{\"revison\":1}")), Request.class)).problem();
        assertRule(top, 400, "unknown-field");
        assertEquals("revison", top.violations().get(0).field());
        Problem nested = assertThrows(ProblemException.class, () -> BoundedJsonReader.refuseUnknownFields(
                reader.readObject(bytes("{\"comments\":[{\"field\":\"a\"},{\"x\":{}}]}")), Request.class)).problem();
        assertEquals("comments[1].x", nested.violations().get(0).field());
        // a JsonObject target (content) is not checked here: the JSON Schema does that
        BoundedJsonReader.refuseUnknownFields(reader.readObject(bytes("{\"anything\":1}")), JsonObject.class);
    }

    record Choice(Boolean force, String reason) {
    }

    @Test
    void aBooleanFieldIsTrueFalseOrNullNotAStringJsonBWouldReadAsFalse() {
        BoundedJsonReader.refuseUnknownFields(reader.readObject(bytes("{\"force\":true,\"reason\":\"r\"}")), Choice.class);
        BoundedJsonReader.refuseUnknownFields(reader.readObject(bytes("{\"force\":null}")), Choice.class);
        for (String wrong : List.of("\"yes\"", "\"true\"", "1", "{}", "[]")) {
            Problem p = assertThrows(ProblemException.class, () -> BoundedJsonReader.refuseUnknownFields(
                    reader.readObject(bytes("{\"force\":" + wrong + "}")), Choice.class), wrong).problem();
            assertRule(p, 400, "type");
            assertEquals("force", p.violations().get(0).field());
        }
    }

    @SuppressWarnings("unused")
    void withBody(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, Request body) {
    }

    @SuppressWarnings("unused")
    void withoutBody(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
    }

    @Test
    void knowsWhichResourceMethodsTakeABody() throws Exception {
        assertTrue(JsonBodyGate.takesBody(getClass().getDeclaredMethod("withBody", String.class, String.class, Request.class)));
        assertEquals(false, JsonBodyGate.takesBody(getClass().getDeclaredMethod("withoutBody", String.class, String.class)));
    }

    @Test
    void aByteOrderMarkIsSkippedButOnlyAtTheStart() {
        assertEquals("{\"a\":1}", reader.readObject(bytes("\uFEFF{\"a\":1}")).toString());
        assertRule(refused("{\"a\":1}\uFEFF"), 400, "malformed-json");
    }

    @Test
    void theSameKeyInSiblingObjectsIsNoDuplicateButOneInsideAnArrayElementIs() {
        assertEquals("{\"a\":{\"k\":1},\"b\":{\"k\":2}}", reader.readObject(bytes("{\"a\":{\"k\":1},\"b\":{\"k\":2}}")).toString());
        Problem p = refused("{\"steps\":[{\"k\":1},{\"k\":1,\"k\":2}]}");
        assertRule(p, 400, "duplicate-field");
        assertEquals("steps[1].k", p.violations().get(0).field());
    }

    @Test
    void theLimitsAreExact() {
        BoundedJsonReader tight = new BoundedJsonReader(9, 8);
        assertEquals("{\"a\":123}", tight.readObject(bytes("{\"a\":123}")).toString(), "9 bytes in 9");
        assertRule(assertThrows(ProblemException.class, () -> tight.readObject(bytes("{\"a\":1234}"))).problem(), 413, "body-too-large");
        String deep = "[".repeat(7);
        assertRule(refused("{\"a\":" + deep + "[" + "]".repeat(8) + "}"), 400, "body-too-deep");
        assertEquals(8, reader.readObject(bytes("{\"a\":" + deep + "]".repeat(7) + "}")).toString().chars().filter(c -> c == '[' || c == '{').count());
    }
}
