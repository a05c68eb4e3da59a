package org.sacrum.identity.control;

import jakarta.enterprise.inject.Instance;
import org.junit.jupiter.api.Test;

import javax.cache.Cache;
import javax.cache.CacheManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The throttle without JCache (Hazelcast disabled): it still locks, and its per-instance count stays bounded. */
class LoginThrottleTest {
    @Test
    void withoutJCacheFiveFailuresLockTheUsername() {
        LoginThrottle throttle = new LoginThrottle(); // not connected: no JCache, the local fallback
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("Mallory");
        }
        assertEquals(0, throttle.lockedForSeconds("mallory"), "four failures do not lock");
        throttle.failed("mallory");
        long locked = throttle.lockedForSeconds("MALLORY");
        assertTrue(locked > 0 && locked <= LoginThrottle.WINDOW.toSeconds(), "locked for " + locked + " s");
        throttle.succeeded("mallory");
        assertEquals(0, throttle.lockedForSeconds("mallory"));
    }

    @Test
    void withoutJCacheOneFailurePerUsernameDoesNotGrowWithoutBound() {
        LoginThrottle throttle = new LoginThrottle();
        int names = LoginThrottle.LOCAL_MAX_USERNAMES + 50_000;
        for (int i = 0; i < names; i++) {
            throttle.failed("guess-" + i);
        }
        assertTrue(throttle.local.size() <= LoginThrottle.LOCAL_MAX_USERNAMES,
                names + " usernames tried, " + throttle.local.size() + " remembered");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("victim");
        }
        assertTrue(throttle.lockedForSeconds("victim") > 0, "the newest names are still counted");
    }

    @Test
    void parallelGuessesGetNoMoreThanFiveChecks() throws Exception {
        LoginThrottle throttle = new LoginThrottle();
        int guesses = 80;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger admitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < guesses; i++) {
                pool.submit(() -> {
                    start.await();
                    if (throttle.attempt("victim") == 0) {
                        admitted.incrementAndGet(); // a wrong password: nothing clears the count
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(LoginThrottle.MAX_FAILURES, admitted.get(), "password checks let through out of " + guesses);
        assertTrue(throttle.attempt("victim") > 0, "then locked");
    }

    @Test
    void aRightPasswordClearsTheAttemptItCounted() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 20; i++) {
            assertEquals(0, throttle.attempt("alice"), "attempt " + i);
            throttle.succeeded("alice");
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static LoginThrottle throttle(TestClock clock) {
        LoginThrottle throttle = new LoginThrottle();
        throttle.clock = clock;
        return throttle;
    }

    @Test
    void theLockLastsUntilFifteenMinutesAfterTheFirstFailure() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(0, throttle.attempt("mallory"), "attempt " + (i + 1) + " may check its password");
            clock.advance(Duration.ofMinutes(2));
        }
        // the first failure was 10 minutes ago: 5 minutes of lock are left
        assertEquals(300, throttle.lockedForSeconds("mallory"));
        assertEquals(300, throttle.attempt("mallory"), "the sixth attempt is refused with the seconds left");
        clock.advance(Duration.ofMinutes(4).plusSeconds(59).plusMillis(500));
        assertEquals(1, throttle.lockedForSeconds("mallory"), "half a second left is reported as one (Retry-After is whole seconds)");
        clock.advance(Duration.ofMillis(500));
        assertEquals(0, throttle.lockedForSeconds("mallory"), "exactly fifteen minutes after the first failure it may try again");
        assertEquals(0, throttle.attempt("mallory"), "and its attempts count in a new window");
        assertEquals(0, throttle.lockedForSeconds("mallory"));
    }

    @Test
    void guessingDuringTheLockDoesNotExtendIt() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("mallory");
        }
        for (int minute = 0; minute < 14; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertTrue(throttle.attempt("mallory") > 0, "minute " + minute);
        }
        assertEquals(60, throttle.lockedForSeconds("mallory"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, throttle.attempt("mallory"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertEquals(i + 1, throttle.failed("alice"));
        }
        clock.advance(LoginThrottle.WINDOW);
        assertEquals(1, throttle.failed("alice"), "a new window starts from one");
        assertEquals(0, throttle.lockedForSeconds("alice"));
        clock.advance(LoginThrottle.WINDOW.minusSeconds(1));
        assertEquals(2, throttle.failed("alice"), "still the window of the first failure after it");
    }

    @Test
    void failuresAreCountedPerUsernameWhateverItsCaseAndNotPerAddress() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = throttle(clock);
        for (String spelling : new String[]{"Alice", "ALICE", "alice", "aLiCe", "alicE"}) {
            throttle.failed(spelling);
        }
        assertTrue(throttle.lockedForSeconds("alice") > 0, "five spellings of one username are one account");
        assertEquals(0, throttle.lockedForSeconds("bob"), "another username is not locked");
        assertEquals(0, throttle.attempt("bob"));
        throttle.succeeded("ALICE");
        assertEquals(0, throttle.lockedForSeconds("alice"), "a right password clears the username in any case");
        assertEquals(2, throttle.failed("bob"), "bob's earlier attempt still counts: clearing alice left it");
    }

    /** A JCache cache backed by a map, shared by several throttles as cluster members share Payara's data grid. */
    @SuppressWarnings("unchecked")
    static Cache<String, String> mapCache(Map<String, String> map, AtomicInteger refusedReplaces) {
        return (Cache<String, String>) Proxy.newProxyInstance(Cache.class.getClassLoader(), new Class<?>[]{Cache.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> map.get((String) args[0]);
                    case "putIfAbsent" -> map.putIfAbsent((String) args[0], (String) args[1]) == null;
                    case "replace" -> {
                        if (args.length != 3) {
                            throw new UnsupportedOperationException("replace without the old value");
                        }
                        if (refusedReplaces != null) {
                            refusedReplaces.incrementAndGet();
                            yield false; // another member always got there first
                        }
                        yield map.replace((String) args[0], (String) args[1], (String) args[2]);
                    }
                    case "remove" -> args.length == 1 ? map.remove((String) args[0]) != null : map.remove((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    static LoginThrottle member(Cache<String, String> cache, Clock clock) {
        CacheManager manager = (CacheManager) Proxy.newProxyInstance(CacheManager.class.getClassLoader(), new Class<?>[]{CacheManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getCache") && LoginThrottle.CACHE.equals(args[0])) {
                        return cache;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Instance<CacheManager> managers = (Instance<CacheManager>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        return manager;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        LoginThrottle throttle = new LoginThrottle();
        throttle.managers = managers;
        throttle.clock = clock;
        throttle.connect();
        return throttle;
    }

    @Test
    void clusterMembersCountTogetherInTheSharedCache() {
        TestClock clock = new TestClock();
        Map<String, String> grid = new ConcurrentHashMap<>();
        LoginThrottle a = member(mapCache(grid, null), clock);
        LoginThrottle b = member(mapCache(grid, null), clock);
        assertEquals(0, a.attempt("mallory"));
        assertEquals(0, b.attempt("mallory"));
        assertEquals(0, a.attempt("Mallory"));
        assertEquals(0, b.attempt("mallory"));
        assertEquals(0, a.attempt("mallory"));
        assertTrue(b.attempt("mallory") > 0, "the sixth attempt on either member is refused");
        assertTrue(a.lockedForSeconds("mallory") > 0);
        assertTrue(a.local.isEmpty() && b.local.isEmpty(), "nothing is counted per instance when JCache is there");
        b.succeeded("mallory");
        assertEquals(0, a.lockedForSeconds("mallory"), "a success on one member clears the count for all");
        assertTrue(grid.isEmpty());
        a.failed("alice");
        clock.advance(LoginThrottle.WINDOW);
        assertEquals(1, b.failed("alice"), "an expired window is replaced in the shared cache too");
    }

    @Test
    void anAttemptThatCannotBeCountedDoesNotGoAhead() {
        AtomicInteger refused = new AtomicInteger();
        LoginThrottle throttle = member(mapCache(new ConcurrentHashMap<>(), refused), new TestClock());
        assertEquals(0, throttle.attempt("mallory"), "the first attempt is a putIfAbsent");
        assertTrue(throttle.attempt("mallory") > 0, "fails closed when the count cannot be updated");
        assertEquals(20, refused.get(), "after a bounded number of tries");
    }
}
