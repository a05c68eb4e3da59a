package org.sacrum.delivery.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.sacrum.entries.entity.EntriesReplaced;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;


import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;

import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.control.SharedCaches;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.content.entity.ContentType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Published delivery responses, cached in two levels. JCache (Payara backs it with its Hazelcast data grid)
 * is shared by every cluster member and cleared when a publication or withdrawal commits: responses embed
 * linked entries, so one change can alter many of them. In front of it each instance keeps what it served in
 * the last few seconds in memory, because a data-grid read costs a thread hand-off that, on a small machine,
 * took most of a request's time. Clearing also tells every other member to drop its local copies
 * ({@link ClusterSignal}); without the data grid they age out within {@link #LOCAL_SECONDS} seconds, and
 * without JCache only the local level works. Both levels are bounded: the local one by bytes, the shared one by
 * entry count and entry size, so no stream of distinct requests can fill the heap.
 */
@ApplicationScoped
public class ResponseCache {
    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    static final String NAME = "sacrum-delivery";
    static final long LOCAL_SECONDS = 5;
    /** Slugs as content may have them (TextLimits.SLUG_PATTERN), bounded: any other slug is a 404 without a look-up. */
    public static final Pattern SLUG = Pattern.compile("^(?=.{1,200}$)[a-z0-9]+(-[a-z0-9]+)*$");

    /** The byte bound of this instance's level (entries also expire {@link #LOCAL_SECONDS} s after they were written). */
    @Inject
    @ConfigProperty(name = "sacrum.cache.local.max-bytes", defaultValue = "67108864")
    long localMaxBytes;
    /** The shared level's bound: at most this many entries per member (Hazelcast on-heap caches bound entry counts only)... */
    @Inject
    @ConfigProperty(name = "sacrum.cache.shared.max-entries", defaultValue = "1000")
    int sharedMaxEntries;
    /** ...each of at most this many bytes: larger responses are kept by the local level only. */
    @Inject
    @ConfigProperty(name = "sacrum.cache.shared.max-entry-bytes", defaultValue = "32768")
    int sharedMaxEntryBytes;

    private com.github.benmanes.caffeine.cache.Cache<String, EncodedResponse> local = LocalLevel.create(64L << 20, LOCAL_SECONDS);

    @Inject
    Instance<CacheManager> managers;
    @Inject
    SacrumClock clock;

    private Cache<String, String> cache;
    private ClusterSignal signal;
    /** When a shared-level operation last failed (System.nanoTime()), 0 if never: readiness reports it. */
    private final AtomicLong failedAt = new AtomicLong();

    /** The cache key of a delivery read: the entry or list, its canonical query ({@link DeliveryQuery#canonical()}) and the representation. */
    public static String key(ContentType type, String slug, String canonicalQuery, String mediaType) {
        return "v1/" + type.plural() + (slug == null ? "" : "/" + slug) + "?" + canonicalQuery + "|" + mediaType;
    }

    /** A cached response: what the client needs to answer a conditional request without recomputing. */
    public record Cached(String etag, long lastModified, String mediaType, String link, long total, String surrogateKeys, String body) {
        /** Marks this encoding; a value another version of Sacrum wrote (a rolling upgrade) is a miss, not an error. */
        private static final String FORMAT = "2";

        /** The same response with another body (the sent form keeps none; the shared level keeps it as text). */
        Cached withBody(String text) {
            return new Cached(etag, lastModified, mediaType, link, total, surrogateKeys, text);
        }

        /**
         * The shared level's value, as UTF-8, of this response with this body (given as its UTF-8 bytes): the head's lines,
         * then the body copied after them, so its size is known without a String of the body or a second encoding.
         */
        byte[] encode(byte[] utf8Body) {
            byte[] head = String.join("\n", FORMAT, etag, Long.toString(lastModified), mediaType, link, Long.toString(total), surrogateKeys, "")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] all = java.util.Arrays.copyOf(head, head.length + utf8Body.length);
            System.arraycopy(utf8Body, 0, all, head.length, utf8Body.length);
            return all;
        }

        static Optional<Cached> decode(String value) {
            String[] parts = value.split("\n", 8);
            if (parts.length < 8 || !FORMAT.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new Cached(parts[1], Long.parseLong(parts[2]), parts[3], parts[4], Long.parseLong(parts[5]), parts[6], parts[7]));
        }
    }

    /**
     * A response just rendered: what is cached about it, and its body as UTF-8 bytes, encoded once (hashed for the
     * ETag and sent as they are); the body is made a String again only for the shared level, and only when it fits.
     */
    public record Fresh(Cached response, byte[] body) {
        /** The response to send as it is, uncached. */
        public EncodedResponse encoded() {
            return EncodedResponse.of(response, body);
        }
    }

    @PostConstruct
    void connect() {
        local = LocalLevel.create(localMaxBytes, LOCAL_SECONDS);
        cache = SharedCaches.open(managers, NAME, java.time.Duration.ofMinutes(10), sharedMaxEntries).orElse(null);
        LOG.info(cache != null ? "Delivery responses are cached in JCache '" + NAME + "' (at most " + sharedMaxEntries
                + " entries of at most " + sharedMaxEntryBytes + " bytes each) and locally (at most " + localMaxBytes + " bytes)."
                : "No JCache available: delivery responses are cached by each instance for " + LOCAL_SECONDS + " s only.");
        try {
            signal = ClusterSignal.join(() -> { // another member published or withdrew
                cleared.incrementAndGet();
                local.invalidateAll();
            });
        } catch (NamingException | RuntimeException | LinkageError e) {
            signal = null;
            LOG.info("No data grid topic (" + e + "); other members' local copies age out within " + LOCAL_SECONDS + " s.");
        }
    }

    /**
     * Created at deployment rather than on first use: the first use may be the readiness check, whose thread lacks
     * the application's naming context that the @Resource injection here needs.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        LOG.fine("Response cache ready");
    }

    @PreDestroy
    void disconnect() {
        if (signal != null) {
            signal.leave();
        }
    }

    /** The cached response ready to send: from this instance's memory, else from the data grid; empty when the data grid fails. */
    public Optional<EncodedResponse> wire(String requestKey) {
        String key = onToday(requestKey);
        EncodedResponse hit = local.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        String value = shared(() -> cache.get(key));
        Optional<Cached> decoded = value == null ? Optional.empty() : Cached.decode(value);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        EncodedResponse wire = EncodedResponse.of(decoded.get());
        local.put(key, wire);
        return Optional.of(wire);
    }

    /** A response and whether this request rendered it (a miss) or another request's render, in progress, answered it. */
    public record Served(EncodedResponse wire, boolean rendered) {
    }

    /**
     * Renders a missed response once however many requests ask for it at the same moment: the first renders and caches
     * it, the others wait for that render (a list over the shared level's entry size lives {@link #LOCAL_SECONDS} s
     * here, and under load each expiry had every connection asking render it at once). A render begun before a
     * publication or withdrawal cleared the cache is neither joined by later requests nor cached.
     */
    public Served renderOnce(String requestKey, Supplier<Fresh> render) {
        long generation = generation();
        String key = generation + "|" + onToday(requestKey);
        CompletableFuture<EncodedResponse> mine = new CompletableFuture<>();
        CompletableFuture<EncodedResponse> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return new Served(running.join(), false);
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e; // the same answer the render had (a 404, say)
            }
        }
        try {
            EncodedResponse meanwhile = local.getIfPresent(onToday(requestKey)); // a render that ended since this request missed
            if (meanwhile != null) {
                mine.complete(meanwhile);
                return new Served(meanwhile, false);
            }
            EncodedResponse wire = put(requestKey, render.get(), generation);
            mine.complete(wire);
            return new Served(wire, true);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    /** Renders in progress by cache generation and key ({@link #renderOnce}). */
    private final ConcurrentHashMap<String, CompletableFuture<EncodedResponse>> rendering = new ConcurrentHashMap<>();
    /** How many times this instance's cache was cleared: a render begun before the last clearing is stale. */
    private final AtomicLong cleared = new AtomicLong();

    /** This instance's count of clearings now: read it before rendering a response, give it to {@link #put}. */
    public long generation() {
        return cleared.get();
    }

    /**
     * Caches a response rendered since {@code generation} ({@link #generation()}) and returns it ready to send; when the
     * cache was cleared meanwhile (a publication or withdrawal committed while it was being rendered) it is only sent.
     */
    public EncodedResponse put(String requestKey, Fresh fresh, long generation) {
        EncodedResponse wire = fresh.encoded();
        if (cleared.get() != generation) {
            return wire;
        }
        String key = onToday(requestKey);
        local.put(key, wire);
        // a body over the bound alone is not encoded only to be refused; the bound is in UTF-8 bytes, the value one String
        if (cache != null && fresh.body().length <= sharedMaxEntryBytes) {
            byte[] encoded = fresh.response().encode(fresh.body());
            if (encoded.length <= sharedMaxEntryBytes) {
                String value = new String(encoded, StandardCharsets.UTF_8);
                shared(() -> {
                    cache.put(key, value);
                    return null;
                });
            }
        }
        return wire;
    }

    /**
     * A shared-level operation; null when there is no shared level or it failed. A failing data grid (shut down
     * after running out of memory, say) must not fail the request: the response is rendered uncached instead.
     */
    private <T> T shared(Supplier<T> operation) {
        if (cache == null) {
            return null;
        }
        try {
            return operation.get();
        } catch (RuntimeException | LinkageError e) {
            if (failedAt.getAndSet(System.nanoTime()) == 0) {
                LOG.log(Level.WARNING, "The shared response cache failed; serving uncached", e);
            }
            return null;
        }
    }

    /**
     * Responses carry each entry's review currency, which changes with the date alone (no event clears the cache
     * then): a response is cached for the day it was rendered on, and yesterday's are never served (they age out).
     */
    private String onToday(String key) {
        long epochDay = Math.floorDiv(clock.now().getEpochSecond(), 86_400L);
        Day current = day;
        if (current.epochDay() != epochDay) {
            current = new Day(epochDay, java.time.LocalDate.ofEpochDay(epochDay) + "|");
            day = current;
        }
        return current.prefix().concat(key);
    }

    /** The key prefix of one day ("2026-12-02|"), formatted once a day rather than on every hit. */
    private record Day(long epochDay, String prefix) {
    }

    private volatile Day day = new Day(Long.MIN_VALUE, "");

    /** The shared level's health for readiness. */
    public CacheHealth health() {
        return CacheHealth.of(cache, failedAt.get(), System.nanoTime());
    }

    /** After the commit only: a response rendered from a transaction that rolled back is never cached, and none is cleared in vain. */
    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryPublished event) {
        clear();
    }

    void withdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntryWithdrawn event) {
        clear();
    }

    void replaced(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntriesReplaced event) {
        clear();
    }

    private void clear() {
        cleared.incrementAndGet();
        local.invalidateAll();
        shared(() -> {
            cache.clear();
            return null;
        });
        if (signal != null) {
            try {
                signal.send();
            } catch (RuntimeException | LinkageError e) { // the data grid is down: other members' copies age out
                LOG.log(Level.WARNING, "Could not tell other members to clear their cached responses", e);
            }
        }
    }
}
