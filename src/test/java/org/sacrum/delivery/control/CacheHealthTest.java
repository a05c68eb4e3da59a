package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;

import javax.cache.Cache;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class CacheHealthTest {
    /** A JCache cache backed by a map, or one whose every operation throws as a shut-down data grid's does. */
    @SuppressWarnings("unchecked")
    private static Cache<String, String> cache(boolean working) {
        Map<String, String> map = new HashMap<>();
        return (Cache<String, String>) Proxy.newProxyInstance(Cache.class.getClassLoader(), new Class<?>[]{Cache.class},
                (proxy, method, args) -> {
                    if (!working) {
                        throw new IllegalStateException("Hazelcast instance is not active!");
                    }
                    return switch (method.getName()) {
                        case "isClosed" -> false;
                        case "put" -> {
                            map.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "get" -> map.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void upWhenTheSharedLevelAnswersOrThereIsNone() {
        assertTrue(CacheHealth.of(cache(true), 0, System.nanoTime()).up());
        assertTrue(CacheHealth.of(null, 0, System.nanoTime()).up());
    }

    @Test
    void downWhenTheDataGridFails() {
        CacheHealth health = CacheHealth.of(cache(false), 0, System.nanoTime());
        assertFalse(health.up());
        assertTrue(health.detail().contains("IllegalStateException"), health.detail());
    }

    @Test
    void downForAWhileAfterAFailedOperationThenUpAgain() {
        long now = System.nanoTime();
        assertFalse(CacheHealth.of(cache(true), now - TimeUnit.SECONDS.toNanos(5), now).up());
        assertTrue(CacheHealth.of(cache(true), now - TimeUnit.SECONDS.toNanos(CacheHealth.RECENT_SECONDS + 1), now).up());
    }
}
