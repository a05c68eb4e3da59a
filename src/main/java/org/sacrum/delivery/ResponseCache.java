package org.sacrum.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Published delivery responses, cached in JCache (Payara backs it with its Hazelcast data grid, so every
 * cluster member shares it). Any publication or withdrawal clears it once its transaction has committed:
 * responses embed linked entries, so one change can alter many of them. Without a data grid
 * (Payara Micro --nocluster) nothing is cached and every response is computed.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    static final String NAME = "sacrum-delivery";

    @Inject
    Instance<CacheManager> managers;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private Cache<String, String> cache;

    /** A cached response: what the client needs to answer a conditional request without recomputing. */
    public record Cached(String etag, long lastModified, String mediaType, String link, long total, String body) {
        String encode() {
            return String.join("\n", etag, Long.toString(lastModified), mediaType, link, Long.toString(total), body);
        }

        static Cached decode(String value) {
            String[] parts = value.split("\n", 6);
            return new Cached(parts[0], Long.parseLong(parts[1]), parts[2], parts[3], Long.parseLong(parts[4]), parts[5]);
        }
    }

    @PostConstruct
    void connect() {
        try {
            CacheManager manager = managers.get();
            Cache<String, String> existing = manager.getCache(NAME, String.class, String.class);
            cache = existing != null ? existing : manager.createCache(NAME, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10))));
            LOG.info("Delivery responses are cached in JCache '" + NAME + "'.");
        } catch (RuntimeException e) {
            cache = null;
            LOG.info("No JCache available (" + e.getClass().getSimpleName() + "); delivery responses are not cached.");
        }
    }

    public boolean enabled() {
        return cache != null;
    }

    public Optional<Cached> get(String key) {
        String value = cache == null ? null : cache.get(key);
        return value == null ? Optional.empty() : Optional.of(Cached.decode(value));
    }

    public void put(String key, Cached response) {
        if (cache != null) {
            cache.put(key, response.encode());
        }
    }

    /** Clears the cache after the current transaction commits (at once when there is none). */
    public void clearAfterCommit() {
        if (cache == null) {
            return;
        }
        if (transactions == null || transactions.getTransactionKey() == null) {
            cache.clear();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.clear();
                }
            }
        });
    }
}
