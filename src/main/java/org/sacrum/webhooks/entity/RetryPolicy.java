package org.sacrum.webhooks.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again: after a timeout, a connection error, 429 or 5xx, with exponential backoff (30 s
 * doubling, at most 4 h between attempts) and ±20% jitter, or after the receiver's Retry-After (seconds or an HTTP
 * date, at most 4 h); for 30 h from the delivery's first attempt. Any other 4xx is final.
 */
public final class RetryPolicy {
    public static final Duration FIRST = Duration.ofSeconds(30);
    public static final Duration LONGEST = Duration.ofHours(4);
    /** Retries go on this long: at least a day (the last attempt comes 25 h or more after the first), for a receiver that is down over a night. */
    public static final Duration WINDOW = Duration.ofHours(30);

    private RetryPolicy() {
    }

    /** Whether an answer with this status (0: no answer) is worth another attempt. */
    public static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    public static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones (1 or more). */
    public static Duration backoff(int attempts, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        long base = Math.min(FIRST.toMillis() << doublings, LONGEST.toMillis());
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis((long) (base * jitter));
    }

    /** The Retry-After header (delta-seconds or an HTTP date) as a wait from {@code now}, at most {@link #LONGEST}. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > 64) {
            return Optional.empty();
        }
        String value = header.strip();
        Duration wait;
        if (value.matches("[0-9]{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }

    /** The next attempt's time, or empty when the delivery has failed for good. */
    public static Optional<Instant> next(int status, int attempts, String retryAfter, Instant now, Instant giveUpAt,
                                         RandomGenerator random) {
        if (!retryable(status)) {
            return Optional.empty();
        }
        Instant at = now.plus(retryAfter(retryAfter, now).orElseGet(() -> backoff(attempts, random)));
        return at.isAfter(giveUpAt) ? Optional.empty() : Optional.of(at);
    }
}
