package org.sacrum.platform.boundary;

import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionalBodyTest {
    @SuppressWarnings("unused")
    void required(@PathParam("slug") String slug, Object body) {
    }

    @SuppressWarnings("unused")
    void optional(@PathParam("slug") String slug, @OptionalBody Object body) {
    }

    @SuppressWarnings("unused")
    void none(@PathParam("slug") String slug) {
    }

    @Test
    void aBodyMarkedOptionalMayBeLeftOutOthersMayNot() throws NoSuchMethodException {
        assertTrue(JsonBodyGate.requiresBody(getClass().getDeclaredMethod("required", String.class, Object.class)));
        assertFalse(JsonBodyGate.requiresBody(getClass().getDeclaredMethod("optional", String.class, Object.class)),
                "unpublish and archive gained a body without breaking clients that send none");
        assertTrue(JsonBodyGate.takesBody(getClass().getDeclaredMethod("optional", String.class, Object.class)),
                "an optional body, when sent, is still read through the gate");
        assertFalse(JsonBodyGate.requiresBody(getClass().getDeclaredMethod("none", String.class)));
    }
}
