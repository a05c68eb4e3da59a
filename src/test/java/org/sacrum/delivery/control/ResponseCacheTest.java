package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;
import org.sacrum.platform.control.SacrumClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Concurrent misses of one response render it once; a render begun before the cache was cleared is not cached. */
class ResponseCacheTest {
    private static ResponseCache cache() {
        ResponseCache cache = new ResponseCache(); // without JCache: this instance's level only
        cache.clock = new SacrumClock();
        return cache;
    }

    private static ResponseCache.Fresh body(String text) {
        return new ResponseCache.Fresh(new ResponseCache.Cached(text, 0, "application/json", "", 1, "", ""),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void concurrentMissesOfOneKeyRenderItOnceAndShareTheAnswer() throws Exception {
        ResponseCache cache = cache();
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<ResponseCache.Served> first = pool.submit(() -> cache.renderOnce("v1/exercises?page=1", () -> {
                renders.incrementAndGet();
                rendering.countDown();
                await(release);
                return body("{\"page\":1}");
            }));
            assertTrue(rendering.await(5, TimeUnit.SECONDS));
            List<Future<ResponseCache.Served>> waiting = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                waiting.add(pool.submit(() -> cache.renderOnce("v1/exercises?page=1", () -> {
                    renders.incrementAndGet();
                    return body("{\"page\":\"again\"}");
                })));
            }
            // another key is not held up by the render in progress
            ResponseCache.Served other = cache.renderOnce("v1/exercises?page=2", () -> body("{\"page\":2}"));
            assertTrue(other.rendered());
            release.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS).rendered());
            for (Future<ResponseCache.Served> w : waiting) {
                ResponseCache.Served served = w.get(5, TimeUnit.SECONDS);
                assertEquals("{\"page\":1}", new String(served.wire().body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            // each waiter either joined the render or, arriving after it ended, found the cached response: none rendered
            assertEquals(1, renders.get(), "page 1 rendered once");
            assertTrue(cache.wire("v1/exercises?page=1").isPresent(), "and it is cached");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRenderFailsItsWaitersWithTheSameExceptionAndIsNotCached() throws Exception {
        ResponseCache cache = cache();
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ResponseCache.Served> first = pool.submit(() -> cache.renderOnce("v1/exercises/gone", () -> {
                rendering.countDown();
                await(release);
                throw new IllegalStateException("not published");
            }));
            assertTrue(rendering.await(5, TimeUnit.SECONDS));
            Future<ResponseCache.Served> second = pool.submit(() -> cache.renderOnce("v1/exercises/gone", () -> body("{}")));
            Thread.sleep(100); // the second is waiting on the first
            release.countDown();
            Exception one = assertThrows(java.util.concurrent.ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, one.getCause());
            try {
                second.get(5, TimeUnit.SECONDS); // it started after the render failed: it rendered on its own
            } catch (java.util.concurrent.ExecutionException e) {
                assertInstanceOf(IllegalStateException.class, e.getCause(), "joined: the render's own exception");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRenderBegunBeforeTheCacheWasClearedIsAnsweredButNotCached() {
        ResponseCache cache = cache();
        ResponseCache.Served served = cache.renderOnce("v1/exercises?page=1", () -> {
            cache.published(null); // a publication commits while the page is being rendered
            return body("{\"stale\":true}");
        });
        assertTrue(served.rendered());
        assertTrue(cache.wire("v1/exercises?page=1").isEmpty(), "rendered from before the publication: not kept");
        cache.renderOnce("v1/exercises?page=1", () -> body("{\"fresh\":true}"));
        assertTrue(cache.wire("v1/exercises?page=1").isPresent());
    }

    @Test
    void aDetailRenderedAcrossAClearingIsSentButNotCached() {
        ResponseCache cache = cache();
        long before = cache.generation();
        cache.withdrawn(null); // the entry is withdrawn while its old revision is being rendered
        EncodedResponse sent = cache.put("v1/exercises/cat-cow?|application/json", body("{\"old\":true}"), before);
        assertEquals("{\"old\":true}", new String(sent.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(cache.wire("v1/exercises/cat-cow?|application/json").isEmpty());
        cache.put("v1/exercises/cat-cow?|application/json", body("{\"new\":true}"), cache.generation());
        assertTrue(cache.wire("v1/exercises/cat-cow?|application/json").isPresent());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
