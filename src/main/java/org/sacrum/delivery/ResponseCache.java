package org.sacrum.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.sacrum.platform.SharedCaches;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.NamingException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Published delivery responses, cached in two levels. JCache (Payara backs it with its Hazelcast data grid)
 * is shared by every cluster member and cleared when a publication or withdrawal commits: responses embed
 * linked entries, so one change can alter many of them. In front of it each instance keeps what it served in
 * the last few seconds in memory, because a data-grid read costs a thread hand-off that, on a small machine,
 * took most of a request's time. Clearing also tells every other member to drop its local copies
 * ({@link ClusterSignal}); without the data grid they age out within {@link #LOCAL_SECONDS} seconds, and
 * without JCache only the local level works.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    static final String NAME = "sacrum-delivery";
    static final long LOCAL_SECONDS = 5;
    private static final int LOCAL_MAX_ENTRIES = 20_000;

    private record Local(Wire wire, long expiresAt) {
    }

    private final Map<String, Local> local = new ConcurrentHashMap<>();

    @Inject
    Instance<CacheManager> managers;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private Cache<String, String> cache;
    private ClusterSignal signal;

    /** The cache key: the request's raw path and query, and the representation asked for. */
    public static String key(String rawPath, String rawQuery, String mediaType) {
        return rawPath + "?" + (rawQuery == null ? "" : rawQuery) + "|" + mediaType;
    }

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
        cache = SharedCaches.open(managers, NAME, java.time.Duration.ofMinutes(10)).orElse(null);
        LOG.info(cache != null ? "Delivery responses are cached in JCache '" + NAME + "'."
                : "No JCache available: delivery responses are cached by each instance for " + LOCAL_SECONDS + " s only.");
        try {
            signal = ClusterSignal.join(local::clear);
        } catch (NamingException | RuntimeException | LinkageError e) {
            signal = null;
            LOG.info("No data grid topic (" + e + "); other members' local copies age out within " + LOCAL_SECONDS + " s.");
        }
    }

    @PreDestroy
    void disconnect() {
        if (signal != null) {
            signal.leave();
        }
    }

    /** The cached response ready to send: from this instance's memory, else from the data grid. */
    public Optional<Wire> wire(String key) {
        Local hit = local.get(key);
        if (hit != null && hit.expiresAt() - System.nanoTime() > 0) {
            return Optional.of(hit.wire());
        }
        String value = cache == null ? null : cache.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(keepLocally(key, Cached.decode(value)));
    }

    public Wire put(String key, Cached response) {
        Wire wire = keepLocally(key, response);
        if (cache != null) {
            cache.put(key, response.encode());
        }
        return wire;
    }

    private Wire keepLocally(String key, Cached response) {
        if (local.size() >= LOCAL_MAX_ENTRIES) {
            local.clear();
        }
        Wire wire = Wire.of(response);
        local.put(key, new Local(wire, System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCAL_SECONDS)));
        return wire;
    }

    /** Clears the cache after the current transaction commits (at once when there is none). */
    public void clearAfterCommit() {
        if (transactions == null || transactions.getTransactionKey() == null) {
            clear();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    clear();
                }
            }
        });
    }

    private void clear() {
        local.clear();
        if (cache != null) {
            cache.clear();
        }
        if (signal != null) {
            signal.send();
        }
    }
}
