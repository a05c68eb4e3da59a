package org.sacrum.identity.control;

import org.junit.jupiter.api.Test;

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
}
