package org.sacrum.identity;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after five failed sign-ins for one username within fifteen minutes, that username
 * is refused for fifteen minutes, whatever the password. Counted per instance.
 */
@ApplicationScoped
public class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant first) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Seconds until the username may try again, or 0 if it may try now. */
    public long lockedForSeconds(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.count() < MAX_FAILURES) {
            return 0;
        }
        long left = Duration.between(Instant.now(), f.first().plus(WINDOW)).toSeconds();
        if (left <= 0) {
            failures.remove(key(username));
            return 0;
        }
        return left;
    }

    public void failed(String username) {
        Instant now = Instant.now();
        failures.compute(key(username), (k, f) -> f == null || f.first().plus(WINDOW).isBefore(now)
                ? new Failures(1, now) : new Failures(f.count() + 1, f.first()));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase();
    }
}
