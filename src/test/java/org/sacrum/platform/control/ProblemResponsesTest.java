package org.sacrum.platform.control;

import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.Violation;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every problem response, whether JAX-RS or the servlet layer writes it, has the same body and headers. */
class ProblemResponsesTest {

    /** As Jersey writes an entity with JSON-B: Problem's declared order, a violation's properties in JSON-B's default (lexicographic) order. */
    @Test
    void theBodyIsJsonBInThePropertyOrderWithoutNulls() {
        assertEquals("{\"type\":\"https://sacrum.dev/problems/unauthenticated\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Sign in.\",\"instance\":\"/api/manage/me\"}",
                ProblemResponses.json(Problem.unauthenticated("Sign in.").at("/api/manage/me")));
        assertEquals("{\"type\":\"https://sacrum.dev/problems/invalid-query\",\"title\":\"Bad request\",\"status\":400,"
                        + "\"violations\":[{\"field\":\"limit\",\"message\":\"must be from 1 to 1000\",\"rule\":\"range\"}]}",
                ProblemResponses.json(Problem.of(400, "invalid-query", "Bad request", null,
                        List.of(new Violation("limit", "range", "must be from 1 to 1000")))));
    }

    @Test
    void every401ChallengesAndRetryAfterIsSentWhenGiven() {
        Response unauthenticated = ProblemResponses.of(Problem.unauthenticated("Sign in."));
        assertEquals(401, unauthenticated.getStatus());
        assertEquals(ProblemResponses.CHALLENGE, unauthenticated.getHeaderString("WWW-Authenticate"));
        assertEquals(Problem.MEDIA_TYPE, unauthenticated.getMediaType().toString());
        assertNull(unauthenticated.getHeaderString("Retry-After"));
        Response throttled = ProblemResponses.of(Problem.throttled("Later."), 900);
        assertEquals(429, throttled.getStatus());
        assertEquals("900", throttled.getHeaderString("Retry-After"));
        assertNull(throttled.getHeaderString("WWW-Authenticate"));
        assertNull(ProblemResponses.of(Problem.forbidden("No.")).getHeaderString("WWW-Authenticate"));
    }
}
