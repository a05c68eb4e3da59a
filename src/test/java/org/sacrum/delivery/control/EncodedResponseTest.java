package org.sacrum.delivery.control;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The headers a delivery response is sent with, and the 304 decision (RFC 9110 13.1.2, 13.1.3, 13.2.2), without a server. */
class EncodedResponseTest {
    /** Sun, 06 Nov 1994 08:49:37 GMT and 250 ms: Last-Modified has whole seconds, the stored time does not. */
    static final long MODIFIED = Instant.parse("1994-11-06T08:49:37.250Z").toEpochMilli();
    static final String MODIFIED_HTTP = "Sun, 06 Nov 1994 08:49:37 GMT";

    private static EncodedResponse response(long lastModified, String link, long total) {
        return EncodedResponse.of(new ResponseCache.Cached("3a7bd3e2360a3d29eea436fcfb7e44c7", lastModified,
                "application/json", link, total, "", "{\"title\":\"Cat–cow\"}"));
    }

    private static final EncodedResponse ENTRY = response(MODIFIED, "", -1);

    private static Map<String, String> headers(EncodedResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> assertNull(headers.put(h.getKey(), h.getValue()), "one " + h.getKey() + " header"));
        return headers;
    }

    @Test
    void anEntryIsSentWithAStrongETagCachingAndLastModified() {
        assertEquals(Map.of("ETag", "\"3a7bd3e2360a3d29eea436fcfb7e44c7\"",
                "Cache-Control", "public, max-age=60, stale-while-revalidate=300",
                "Vary", "Accept, Authorization",
                "Last-Modified", MODIFIED_HTTP), headers(ENTRY));
        assertArrayEquals("{\"title\":\"Cat–cow\"}".getBytes(StandardCharsets.UTF_8), ENTRY.body(), "UTF-8, encoded once");
        assertEquals("application/json", ENTRY.response().mediaType());
    }

    @Test
    void aListAddsItsLinkAndTotalAndNothingIsSentThatIsNotKnown() {
        Map<String, String> list = headers(response(MODIFIED, "</api/v1/exercises?page=2>; rel=\"next\"", 42));
        assertEquals("</api/v1/exercises?page=2>; rel=\"next\"", list.get("Link"));
        assertEquals("42", list.get("X-Total-Count"));
        assertEquals("0", headers(response(MODIFIED, "", 0)).get("X-Total-Count"), "an empty list says so");
        Map<String, String> bare = headers(response(0, "", -1));
        assertFalse(bare.containsKey("Last-Modified"), "no publication time, no Last-Modified");
        assertFalse(bare.containsKey("Link"));
        assertFalse(bare.containsKey("X-Total-Count"));
    }

    @Test
    void surrogateKeysAreSentForTheEdgeCacheWhenKnown() {
        EncodedResponse tagged = EncodedResponse.of(new ResponseCache.Cached("e", MODIFIED, "application/json", "", -1,
                "entry:exercise/cat-cow type:exercise", "{}"));
        assertEquals("entry:exercise/cat-cow type:exercise", headers(tagged).get("xkey"));
        assertFalse(headers(ENTRY).containsKey("xkey"), "no keys, no header");
    }

    @Test
    void theSharedLevelKeepsTheKeysAndTakesAnOlderEncodingForAMiss() {
        ResponseCache.Cached cached = new ResponseCache.Cached("e", MODIFIED, "application/json", "", 3, "list:exercise type:exercise", "{\n}");
        assertEquals(java.util.Optional.of(cached), ResponseCache.Cached.decode(
                new String(cached.encode(cached.body().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)));
        assertEquals(java.util.Optional.empty(), ResponseCache.Cached.decode("e\n0\napplication/json\n\n-1\n{}"), "written before the keys");
    }

    @Test
    void theSharedLevelsValueIsTheHeadsLinesThenTheBodysBytes() {
        // a body with characters of two, three and four UTF-8 bytes and newlines; a link with quotes and a space
        String body = "{\"title\":\"Cat–cow é 😀\",\n\"steps\":[]}";
        ResponseCache.Cached head = new ResponseCache.Cached("\"3a7\"", MODIFIED, "application/ld+json", "</a?page=2>; rel=\"next\"", 41,
                "list:exercise type:exercise", "");
        String lines = "2\n\"3a7\"\n" + MODIFIED + "\napplication/ld+json\n</a?page=2>; rel=\"next\"\n41\nlist:exercise type:exercise\n";
        byte[] encoded = head.encode(body.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals((lines + body).getBytes(StandardCharsets.UTF_8), encoded);
        assertEquals(java.util.Optional.of(head.withBody(body)), ResponseCache.Cached.decode(new String(encoded, StandardCharsets.UTF_8)));
        assertArrayEquals(lines.getBytes(StandardCharsets.UTF_8), head.encode(new byte[0]), "an empty body");
    }

    @Test
    void noConditionalHeadersMeansTheFullResponse() {
        assertFalse(ENTRY.notModified(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"3a7bd3e2360a3d29eea436fcfb7e44c7\"",
            "W/\"3a7bd3e2360a3d29eea436fcfb7e44c7\"", // If-None-Match compares weakly
            "\"0000\", \"3a7bd3e2360a3d29eea436fcfb7e44c7\"",
            "\"0000\",W/\"3a7bd3e2360a3d29eea436fcfb7e44c7\" , \"1111\"",
            "*",
            " * "})
    void aMatchingIfNoneMatchIsNotModified(String ifNoneMatch) {
        assertTrue(ENTRY.notModified(ifNoneMatch, null), ifNoneMatch);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"3a7bd3e2360a3d29eea436fcfb7e44c8\"",
            "\"3A7BD3E2360A3D29EEA436FCFB7E44C7\"", // entity tags are case-sensitive
            "w/\"3a7bd3e2360a3d29eea436fcfb7e44c7\"", // and so is the weakness indicator
            "\"3a7bd3e2360a3d29eea436fcfb7e44c7",
            "\"0000\", \"1111\"",
            "\"\"",
            ""})
    void anyOtherIfNoneMatchIsTheFullResponse(String ifNoneMatch) {
        assertFalse(ENTRY.notModified(ifNoneMatch, null), ifNoneMatch);
    }

    @Test
    void ifNoneMatchDecidesAloneWhenPresent() {
        String future = "Sun, 06 Nov 2050 08:49:37 GMT";
        assertFalse(ENTRY.notModified("\"0000\"", future), "a changed tag is 200 even though the date says unchanged");
        assertTrue(ENTRY.notModified("\"3a7bd3e2360a3d29eea436fcfb7e44c7\"", "Sat, 01 Jan 1970 00:00:00 GMT"),
                "a matching tag is 304 even though the date says changed");
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertTrue(ENTRY.notModified(null, MODIFIED_HTTP), "same second as Last-Modified");
        assertTrue(ENTRY.notModified(null, "Sun, 06 Nov 1994 08:49:38 GMT"));
        assertTrue(ENTRY.notModified(null, "Mon, 07 Nov 1994 08:49:37 GMT"));
        assertFalse(ENTRY.notModified(null, "Sun, 06 Nov 1994 08:49:36 GMT"), "one second before: modified since");
        assertTrue(ENTRY.notModified(null, "  " + MODIFIED_HTTP + " "), "surrounding spaces are not part of the date");
        assertTrue(ENTRY.notModified(null, headers(ENTRY).get("Last-Modified")), "a client sending back our Last-Modified gets 304");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 25:49:37 GMT", "784111777"})
    void anInvalidIfModifiedSinceIsIgnored(String ifModifiedSince) {
        assertFalse(ENTRY.notModified(null, ifModifiedSince), ifModifiedSince);
    }

    @Test
    void withoutLastModifiedOnlyTheETagCanMatch() {
        EncodedResponse undated = response(0, "", -1);
        assertFalse(undated.notModified(null, "Sun, 06 Nov 2050 08:49:37 GMT"));
        assertTrue(undated.notModified("\"3a7bd3e2360a3d29eea436fcfb7e44c7\"", null));
    }

    @Test
    void theWeightCountsTheBodyAndHeaders() {
        EncodedResponse small = response(MODIFIED, "", -1);
        EncodedResponse linked = response(MODIFIED, "<" + "x".repeat(1000) + ">; rel=\"next\"", 5);
        assertTrue(small.weight() > small.body().length);
        assertTrue(linked.weight() >= small.weight() + 2 * 1000, small.weight() + " " + linked.weight());
    }

    /** What a servlet response was told. */
    static final class Sent {
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        Integer status;
        String contentType;
        Integer contentLength;

        HttpServletResponse servlet() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "addHeader" -> {
                            assertNull(headers.put((String) args[0], (String) args[1]), args[0] + " is added once");
                            yield null;
                        }
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setContentLength" -> {
                            contentLength = (Integer) args[0];
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void sendingTheFullResponse() throws Exception {
        Sent sent = new Sent();
        assertEquals(200, ENTRY.send(sent.servlet(), false, "hit"));
        assertEquals(200, sent.status);
        assertEquals("application/json", sent.contentType);
        assertEquals(ENTRY.body().length, sent.contentLength);
        assertArrayEquals(ENTRY.body(), sent.body.toByteArray());
        assertEquals("hit", sent.headers.get("X-Sacrum-Cache"));
        assertEquals(headers(ENTRY).get("ETag"), sent.headers.get("ETag"));
        assertEquals(MODIFIED_HTTP, sent.headers.get("Last-Modified"));
    }

    @Test
    void sendingNotModifiedKeepsTheValidatorsAndSendsNoBody() throws Exception {
        Sent sent = new Sent();
        assertEquals(304, ENTRY.send(sent.servlet(), true, "hit"));
        assertEquals(304, sent.status);
        assertEquals(0, sent.body.size());
        assertNull(sent.contentType);
        assertNull(sent.contentLength);
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Last-Modified")) {
            assertEquals(headers(ENTRY).get(header), sent.headers.get(header), header + " is sent with 304 too (RFC 9110 15.4.5)");
        }
    }
}
