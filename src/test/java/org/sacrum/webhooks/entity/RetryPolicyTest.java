package org.sacrum.webhooks.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void timeoutsConnectionErrors429And5xxAreRetriedOtherAnswersAreFinal() {
        for (int s : new int[]{0, 408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.retryable(s), "" + s);
        }
        for (int s : new int[]{200, 301, 302, 400, 401, 403, 404, 410, 422}) {
            assertFalse(RetryPolicy.retryable(s), "" + s);
        }
    }

    @Test
    void backoffDoublesWithJitterAndIsBounded() {
        Random random = new Random(42);
        for (int attempts = 1; attempts < 30; attempts++) {
            long base = Math.min(30_000L << Math.min(attempts - 1, 20), Duration.ofHours(4).toMillis());
            long wait = RetryPolicy.backoff(attempts, random).toMillis();
            assertTrue(wait >= base * 0.8 && wait <= base * 1.2, attempts + ": " + wait);
        }
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDateIsHonouredWithinBounds() {
        assertEquals(Duration.ofSeconds(7), RetryPolicy.retryAfter("7", NOW).orElseThrow());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ofSeconds(120), RetryPolicy.retryAfter(date, NOW).orElseThrow());
        assertEquals(Duration.ofHours(4), RetryPolicy.retryAfter("999999999", NOW).orElseThrow());
        assertEquals(Duration.ZERO, RetryPolicy.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                NOW.minusSeconds(60).atOffset(ZoneOffset.UTC)), NOW).orElseThrow());
        assertTrue(RetryPolicy.retryAfter("soon", NOW).isEmpty());
        assertTrue(RetryPolicy.retryAfter("-5", NOW).isEmpty());
        assertEquals(NOW.plusSeconds(7), RetryPolicy.next(503, 1, "7", NOW, NOW.plus(RetryPolicy.WINDOW), new Random()).orElseThrow());
    }

    @Test
    void retriesGoOnForMoreThanADayThenStop() {
        Random random = new Random(1);
        Instant first = NOW;
        Instant giveUp = first.plus(RetryPolicy.WINDOW);
        Instant at = first;
        Instant last = first;
        int attempts = 1;
        while (true) {
            var next = RetryPolicy.next(503, attempts, null, at, giveUp, random);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
            last = at;
            attempts++;
        }
        assertTrue(Duration.between(first, last).compareTo(Duration.ofHours(24)) >= 0, "last attempt at " + last);
        assertTrue(attempts < 30, "attempts " + attempts);
        assertTrue(RetryPolicy.next(404, 1, null, NOW, giveUp, random).isEmpty());
    }
}
