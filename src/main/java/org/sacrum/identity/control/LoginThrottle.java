package org.sacrum.identity.control;

import java.util.Locale;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.sacrum.platform.control.SharedCaches;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Slows password guessing: after five failed password checks for one username within fifteen minutes (sign-in,
 * or a password re-entered to change it or to sign an approval, see {@link People#reenter}), that username
 * is refused until fifteen minutes after the first of them, whatever the password. The failures are counted in
 * JCache, which Payara shares across the cluster, so that N instances behind a load balancer do not give an
 * attacker N times the guesses; without JCache they are counted per instance. Updates are compare-and-set, so
 * concurrent failures on several instances are all counted.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final String CACHE = "sacrum-login-failures";
    /**
     * Usernames the per-instance fallback remembers: one failure per name would otherwise grow it without bound.
     * Flooding it with names can evict a name's count early, as Hazelcast's bounded cache would.
     */
    static final int LOCAL_MAX_USERNAMES = 100_000;

    /** Failures of one username: how many, and when the first of them was (the window starts there). */
    private record Failures(int count, long firstMillis) {
        static Failures parse(String value) {
            int bar = value.indexOf('|');
            return new Failures(Integer.parseInt(value.substring(0, bar)), Long.parseLong(value.substring(bar + 1)));
        }

        String format() {
            return count + "|" + firstMillis;
        }

        long endsMillis() {
            return firstMillis + WINDOW.toMillis();
        }
    }

    @Inject
    Instance<CacheManager> managers;

    private Cache<String, String> shared;
    final ConcurrentMap<String, String> local = localFallback(LOCAL_MAX_USERNAMES);
    /** The time windows are measured in; unit tests move it instead of waiting fifteen minutes. */
    Clock clock = Clock.systemUTC();

    /** The map failures are counted in without JCache: at most this many usernames, each for one window. */
    static ConcurrentMap<String, String> localFallback(int maxUsernames) {
        // evicting on the caller's thread keeps the bound exact rather than eventually reached
        return Caffeine.newBuilder().maximumSize(maxUsernames).expireAfterWrite(WINDOW).executor(Runnable::run)
                .<String, String>build().asMap();
    }

    @PostConstruct
    void connect() {
        shared = SharedCaches.open(managers, CACHE, WINDOW).orElse(null);
        if (shared == null) {
            LOG.info("No JCache: failed sign-ins are counted per instance.");
        }
    }

    /** Seconds until the username may try again, or 0 if it may try now. */
    public long lockedForSeconds(String username) {
        String value = get(key(username));
        if (value == null) {
            return 0;
        }
        Failures failures = Failures.parse(value);
        long leftMillis = failures.endsMillis() - clock.millis();
        if (failures.count() < MAX_FAILURES || leftMillis <= 0) {
            return 0;
        }
        return Math.max(1, TimeUnit.MILLISECONDS.toSeconds(leftMillis));
    }

    /**
     * Counts a password attempt BEFORE the password is checked, and says whether it may go ahead: 0, or the seconds
     * to wait. Counting first means parallel guesses cannot all pass a check made before any of them was counted
     * (80 at once used to get 12 through); a right password clears the count ({@link #succeeded}).
     */
    public long attempt(String username) {
        int count = failed(username);
        if (count <= MAX_FAILURES) {
            return 0;
        }
        return Math.max(1, lockedForSeconds(username));
    }

    /** Counts one failure; the count within the current window after it (0 if it could not be counted). */
    public int failed(String username) {
        String key = key(username);
        for (int attempt = 0; attempt < 20; attempt++) {
            long now = clock.millis();
            String old = get(key);
            Failures current = old == null ? null : Failures.parse(old);
            if (current != null && current.endsMillis() <= now) {
                remove(key, old); // a new window: a new entry, so that the cache's expiry starts again too
                continue;
            }
            Failures next = current == null ? new Failures(1, now) : new Failures(current.count() + 1, current.firstMillis());
            if (old == null ? putIfAbsent(key, next.format()) : replace(key, old, next.format())) {
                return next.count();
            }
        }
        LOG.warning("Could not count a failed sign-in for '" + username + "': too many at once");
        return MAX_FAILURES + 1; // fail closed: an attempt that could not be counted does not go ahead
    }

    public void succeeded(String username) {
        if (shared != null) {
            shared.remove(key(username));
        } else {
            local.remove(key(username));
        }
    }

    private String get(String key) {
        return shared != null ? shared.get(key) : local.get(key);
    }

    private boolean putIfAbsent(String key, String value) {
        return shared != null ? shared.putIfAbsent(key, value) : local.putIfAbsent(key, value) == null;
    }

    private void remove(String key, String old) {
        if (shared != null) {
            shared.remove(key, old);
        } else {
            local.remove(key, old);
        }
    }

    private boolean replace(String key, String old, String value) {
        return shared != null ? shared.replace(key, old, value) : local.replace(key, old, value);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
