package org.sacrum.platform.control;

import jakarta.enterprise.inject.Instance;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Named JCache caches of strings, which Payara shares across the cluster through its Hazelcast data grid. */
public final class SharedCaches {
    private SharedCaches() {
    }

    /**
     * The cache of this name, created on first use with entries expiring this long after they were written;
     * empty when the server offers no JCache.
     */
    public static Optional<Cache<String, String>> open(Instance<CacheManager> managers, String name, java.time.Duration expiry) {
        return open(managers, name, expiry, 0);
    }

    /**
     * As {@link #open(Instance, String, java.time.Duration)}, holding at most about maxEntries entries per member
     * (0: Hazelcast's default of 10,000). Hazelcast's on-heap caches can only bound entry counts, and do so per
     * partition, so the bound is approximate (it may hold a few times more when the count is small).
     */
    public static Optional<Cache<String, String>> open(Instance<CacheManager> managers, String name, java.time.Duration expiry, int maxEntries) {
        try {
            CacheManager manager = managers.get();
            Cache<String, String> existing = manager.getCache(name, String.class, String.class);
            return Optional.of(existing != null ? existing : manager.createCache(name, configuration(expiry, maxEntries)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static javax.cache.configuration.Configuration<String, String> configuration(java.time.Duration expiry, int maxEntries) {
        javax.cache.configuration.Factory<javax.cache.expiry.ExpiryPolicy> expiryPolicy =
                CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, expiry.toSeconds()));
        if (maxEntries > 0) {
            try {
                com.hazelcast.config.CacheConfig<String, String> bounded = new com.hazelcast.config.CacheConfig<>();
                bounded.setTypes(String.class, String.class);
                bounded.setExpiryPolicyFactory(expiryPolicy);
                return bounded.setEvictionConfig(new com.hazelcast.config.EvictionConfig().setSize(maxEntries)
                        .setMaxSizePolicy(com.hazelcast.config.MaxSizePolicy.ENTRY_COUNT)
                        .setEvictionPolicy(com.hazelcast.config.EvictionPolicy.LRU));
            } catch (LinkageError noHazelcast) {
                // another JCache provider: its own bounds apply
            }
        }
        return new MutableConfiguration<String, String>().setTypes(String.class, String.class).setExpiryPolicyFactory(expiryPolicy);
    }
}
