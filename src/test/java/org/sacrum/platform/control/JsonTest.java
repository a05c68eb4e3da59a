package org.sacrum.platform.control;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    @Test
    void utf8IsTheTextOfToStringEncoded() {
        // escapes, non-Latin-1 characters, a character outside the BMP, HTML-like text, numbers, nesting, a body past the writer's buffer
        JsonObject value = Json.createObjectBuilder()
                .add("title", "Cat–cow \"stretch\" \\ <b>&</b> \u2028 é 😀 \t\n\u0001")
                .add("n", 12.5).add("big", Long.MAX_VALUE).add("yes", true).add("none", jakarta.json.JsonValue.NULL)
                .add("nested", Json.createObjectBuilder().add("items", Json.createArrayBuilder().add(1).add("two")
                        .add(Json.createObjectBuilder())))
                .add("long", "’ab".repeat(20_000))
                .build();
        byte[] utf8 = Json.utf8(value);
        assertArrayEquals(value.toString().getBytes(StandardCharsets.UTF_8), utf8);
        assertEquals(value, Json.createReader(new StringReader(new String(utf8, StandardCharsets.UTF_8))).readObject());
    }

    @Test
    void eachBodyIsItsOwnWhatAThreadWroteBefore() {
        // the thread's buffer is reused: a small body after a large one (over the kept size) and after a small one
        JsonObject large = Json.createObjectBuilder().add("long", "x".repeat(Json.KEPT_BYTES + 10)).build();
        JsonObject small = Json.createObjectBuilder().add("a", "b").build();
        JsonObject other = Json.createObjectBuilder().add("c", "déjà").build();
        byte[] first = Json.utf8(small);
        byte[] big = Json.utf8(large);
        byte[] second = Json.utf8(small);
        byte[] third = Json.utf8(other);
        assertArrayEquals(small.toString().getBytes(StandardCharsets.UTF_8), first);
        assertArrayEquals(large.toString().getBytes(StandardCharsets.UTF_8), big);
        assertArrayEquals(first, second);
        assertArrayEquals(other.toString().getBytes(StandardCharsets.UTF_8), third);
        assertNotSame(first, second); // a body is kept by the response cache: never the buffer itself
    }

    @Test
    void threadsWritingAtOnceGetTheirOwnText() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String text = Integer.toString(t).repeat(1000 + t * 50_000);
                JsonObject value = Json.createObjectBuilder().add("t", text).build();
                byte[] expected = value.toString().getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        if (!java.util.Arrays.equals(expected, Json.utf8(value))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHashOfBytesIsTheHashOfTheirText() {
        String text = "{\"title\":\"Cat–cow 😀\"}";
        assertEquals(Hashes.sha256(text), Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readObjectGivesTheReadersTreeWithEveryStringAsAString() {
        String text = "{\"title\":\"Cat–cow 😀 \\\"q\\\" \\u00e9\",\"n\":2.5,\"big\":12345678901234567890,\"i\":-3,\"ok\":true,\"no\":false,"
                + "\"none\":null,\"steps\":[{\"text\":\"Kneel\",\"tags\":[\"a\",\"b\",[\"deep\"]]},3,null],\"empty\":{},\"list\":[]}";
        JsonObject parsed = Json.createReader(new StringReader(text)).readObject();
        JsonObject kept = Json.readObject(text);
        assertEquals(parsed, kept);
        assertEquals(parsed.toString(), kept.toString());
        java.util.List<jakarta.json.JsonString> strings = new java.util.ArrayList<>();
        collectStrings(kept, strings);
        assertEquals(5, strings.size()); // title, Kneel, a, b and deep, the last in an array in an array
        for (jakarta.json.JsonString s : strings) {
            assertTrue(s.getChars() instanceof String, s + " is held as " + s.getChars().getClass());
            assertSame(s.getString(), s.getString(), "written without a copy");
        }
        assertThrows(jakarta.json.JsonException.class, () -> Json.readObject("[1]"), "not an object");
        assertThrows(jakarta.json.JsonException.class, () -> Json.readObject("{\"a\":"), "cut short");
    }

    private static void collectStrings(jakarta.json.JsonValue value, java.util.List<jakarta.json.JsonString> into) {
        switch (value.getValueType()) {
            case STRING -> into.add((jakarta.json.JsonString) value);
            case OBJECT -> value.asJsonObject().values().forEach(v -> collectStrings(v, into));
            case ARRAY -> value.asJsonArray().forEach(v -> collectStrings(v, into));
            default -> { }
        }
    }
}
