package org.sacrum.delivery.control;


import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LocalLevelTest {
    private static EncodedResponse wire(int bytes) {
        return EncodedResponse.of(new ResponseCache.Cached("etag", 0, "application/json", "", -1, "", "x".repeat(bytes)));
    }

    @Test
    void boundedByBytesNotEntries() {
        Cache<String, EncodedResponse> cache = LocalLevel.create(1_000_000, 60);
        for (int i = 0; i < 300; i++) {
            cache.put("k" + i, wire(100_000)); // 30 MB offered to a 1 MB level
        }
        cache.cleanUp();
        long held = cache.asMap().values().stream().mapToLong(EncodedResponse::weight).sum();
        assertTrue(held <= 1_000_000, "held " + held + " bytes");
        assertTrue(cache.estimatedSize() <= 10, "entries: " + cache.estimatedSize());
        for (int i = 0; i < 500; i++) {
            cache.put("small" + i, wire(100));
        }
        cache.cleanUp();
        assertTrue(cache.estimatedSize() > 100, "small responses still fit: " + cache.estimatedSize());
    }

    @Test
    void aResponseLargerThanTheBoundIsNotKept() {
        Cache<String, EncodedResponse> cache = LocalLevel.create(10_000, 60);
        cache.put("big", wire(50_000));
        cache.cleanUp();
        assertNull(cache.getIfPresent("big"));
    }

    @Test
    void entriesExpireAfterTheirSeconds() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(1_000);
        Cache<String, EncodedResponse> cache = LocalLevel.create(1_000_000, 5, nanos::get); // a fake clock, no sleeping
        cache.put("k", wire(10));
        nanos.addAndGet(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(4_999));
        assertNotNull(cache.getIfPresent("k"), "still there just before its 5 s");
        nanos.addAndGet(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1));
        assertNull(cache.getIfPresent("k"), "gone at 5 s");
    }

    @Test
    void theWireKeepsTheBodyOnce() {
        EncodedResponse w = wire(1_000);
        assertEquals("", w.response().body());
        assertEquals(1_000, w.body().length);
        assertTrue(w.weight() >= 1_000 && w.weight() < 2_000, "weight " + w.weight());
    }
}
