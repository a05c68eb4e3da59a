package org.sacrum.platform.control;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aHashOfBytesIsTheHashOfTheirText() {
        String text = "{\"title\":\"Cat–cow 😀\"}";
        assertEquals(Hashes.sha256(text), Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
