package org.sacrum.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.*;

class JsonLdTest {
    @Test
    void scriptClosingTextIsEscapedAndTheJsonIsUnchanged() {
        JsonObject ld = Json.createObjectBuilder().add("name", "Cat-cow </script><script>alert(1)</script> & more \u2028")
                .add("n", 1).build();
        String text = JsonLd.text(ld);
        assertFalse(text.contains("<"), text);
        assertFalse(text.contains(">"), text);
        assertFalse(text.contains("&"), text);
        assertFalse(text.contains("\u2028"), text);
        assertTrue(text.contains("\\u003c/script\\u003e"), text);
        assertEquals(ld, Json.createReader(new StringReader(text)).readObject(), "the same JSON once parsed");
    }
}
