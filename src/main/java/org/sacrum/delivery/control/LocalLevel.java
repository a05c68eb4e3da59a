package org.sacrum.delivery.control;


import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/** The per-instance level of {@link ResponseCache}: bounded by the bytes its responses hold, each expiring after a few seconds. */
final class LocalLevel {
    private LocalLevel() {
    }

    static Cache<String, EncodedResponse> create(long maxBytes, long expirySeconds) {
        return create(maxBytes, expirySeconds, Ticker.systemTicker());
    }

    /** As {@link #create(long, long)} on this ticker: unit tests advance a fake one rather than sleep. */
    static Cache<String, EncodedResponse> create(long maxBytes, long expirySeconds, Ticker ticker) {
        return Caffeine.newBuilder()
                .ticker(ticker)
                .maximumWeight(maxBytes)
                .weigher((String key, EncodedResponse wire) -> (int) Math.min(Integer.MAX_VALUE, 2L * key.length() + wire.weight()))
                .expireAfterWrite(Duration.ofSeconds(expirySeconds))
                .executor(Runnable::run) // maintenance on the caller's thread: no unmanaged threads in the container
                .build();
    }
}
