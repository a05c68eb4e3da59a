package org.sacrum.delivery.control;

import javax.cache.Cache;
import java.util.concurrent.TimeUnit;

/**
 * Whether the response cache is usable: its shared level (the data grid) answers a probe round trip and no
 * operation on it failed in the last {@link #RECENT_SECONDS} seconds. Without a shared level (no JCache) only the
 * local level works, which is healthy.
 */
public record CacheHealth(boolean up, String detail) {
    static final long RECENT_SECONDS = 30;
    static final String PROBE_KEY = "sacrum-readiness-probe";

    static CacheHealth of(Cache<String, String> shared, long failedAtNanos, long nowNanos) {
        if (shared == null) {
            return new CacheHealth(true, "local level only");
        }
        if (failedAtNanos != 0 && nowNanos - failedAtNanos < TimeUnit.SECONDS.toNanos(RECENT_SECONDS)) {
            return new CacheHealth(false, "a data grid operation failed in the last " + RECENT_SECONDS + " s");
        }
        try {
            if (shared.isClosed()) {
                return new CacheHealth(false, "the shared cache is closed");
            }
            String value = Long.toString(nowNanos);
            shared.put(PROBE_KEY, value);
            boolean readBack = value.equals(shared.get(PROBE_KEY));
            return readBack ? new CacheHealth(true, "shared level answers") : new CacheHealth(false, "the shared cache lost a probe");
        } catch (RuntimeException | LinkageError e) {
            return new CacheHealth(false, "the shared cache failed: " + e.getClass().getSimpleName());
        }
    }
}
