package org.sacrum.platform;

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
        try {
            CacheManager manager = managers.get();
            Cache<String, String> existing = manager.getCache(name, String.class, String.class);
            return Optional.of(existing != null ? existing : manager.createCache(name, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, expiry.toSeconds())))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
