package org.sacrum.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.edge.control.EdgePurge;
import org.sacrum.edge.entity.SurrogateKeys;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.entity.Ids;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.OutboxEvent;
import org.sacrum.webhooks.entity.RetryPolicy;
import org.sacrum.webhooks.entity.Signature;
import org.sacrum.webhooks.entity.Subscription;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's due deliveries: woken right after a commit that wrote some ({@link OutboxNudge}) and every
 * {@code sacrum.webhooks.poll-millis} (retries, and deliveries another instance wrote), independent of the jobs'
 * interval. Claims a batch ({@link DeliveryClaims}), sends it, records each attempt, and claims again until nothing
 * is due. One drain at a time per instance, on the managed executor (the shared timer thread only starts it).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration") // its first poll reads tables the migration makes
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final int BATCH = 20;
    @Resource
    ManagedScheduledExecutorService timers;
    @Resource
    ManagedExecutorService executor;
    @Inject
    DeliveryClaims claims;
    @Inject
    WebhookPost post;
    @Inject
    EdgePurge edge;
    @Inject
    Targets targets;
    @Inject
    SacrumClock clock;
    @Inject
    OutboxNudge nudges;
    @Inject
    @ConfigProperty(name = "sacrum.webhooks.poll-millis", defaultValue = "1000")
    long pollMillis;
    private final String instance = Ids.next();
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> timer;
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        long every = Math.max(pollMillis, 100);
        timer = timers.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.MILLISECONDS);
        nudges.listen(this::nudge); // this instance, not the EJB proxy: called from a transaction's completion
    }

    @PreDestroy
    void stop() {
        stopped = true; // a drain in progress finishes its current batch; a claim cut off expires with its lease
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** After a commit that wrote deliveries: drain now (or once more, if a drain is running). */
    void nudge() {
        again.set(true);
        wake();
    }

    private void wake() {
        if (!stopped) {
            executor.execute(this::drainSafely);
        }
    }

    private void drainSafely() {
        if (stopped || !draining.tryLock()) {
            return; // the running drain sees "again" and claims once more
        }
        try {
            do {
                again.set(false);
                List<DeliveryClaims.Claimed> batch;
                while (!stopped && !(batch = claims.claim(instance, BATCH)).isEmpty()) {
                    send(batch);
                }
            } while (again.get() && !stopped);
        } catch (RuntimeException e) { // the next poll tries again
            LOG.log(Level.WARNING, "webhook dispatch failed", e);
        } finally {
            draining.unlock();
        }
    }

    /**
     * Edge purges first, one after the other (a local cache answers at once); the batch's webhooks all at once (the
     * HTTP client's own threads wait for the answers, never a container thread); each attempt recorded here.
     */
    private void send(List<DeliveryClaims.Claimed> batch) {
        Map<DeliveryClaims.Claimed, CompletableFuture<WebhookPost.Answer>> webhooks = new LinkedHashMap<>();
        for (DeliveryClaims.Claimed claimed : batch) {
            Delivery d = claimed.delivery();
            Instant at = clock.now();
            try {
                if (d.subscriptionId() == null) {
                    purgeEdge(d, claimed.event(), at);
                } else {
                    startWebhook(d, claimed.event(), claimed.subscription(), at).ifPresent(sent -> webhooks.put(claimed, sent));
                }
            } catch (RuntimeException e) {
                failed(d, at, e);
            }
        }
        webhooks.forEach((claimed, sent) -> {
            Delivery d = claimed.delivery();
            Instant at = clock.now();
            try {
                WebhookPost.Answer answer = sent.join();
                if (answer.status() == 410) {
                    claims.gone(d.subscriptionId());
                }
                finish(d, answer.status(), answer.latencyMillis(), answer.snippet(), answer.error(), answer.retryAfter());
            } catch (RuntimeException e) {
                failed(d, at, e);
            }
        });
    }

    private void purgeEdge(Delivery d, OutboxEvent event, Instant at) {
        EdgePurge.Attempt result = edge.purge(URI.create(d.edgeUrl()), SurrogateKeys.ofChange(event.contentType(), event.slug(), event.locale()));
        finish(d, result.status(), result.latencyMillis(), result.snippet(), result.succeeded() ? null : "edge purge failed", null);
    }

    /** Starts the POST, or records why it is not sent (the subscription disabled, the target refused now). */
    private Optional<CompletableFuture<WebhookPost.Answer>> startWebhook(Delivery d, OutboxEvent event, Subscription subscription, Instant at) {
        if (subscription == null || !subscription.enabled()) {
            claims.record(d.id(), at, 0, 0, null, "subscription disabled", false, null);
            return Optional.empty();
        }
        URI url = URI.create(subscription.url());
        Optional<String> refused = targets.refusal(url); // again at send time: the name may resolve elsewhere now
        if (refused.isPresent()) {
            claims.record(d.id(), at, 0, 0, null, "refused: " + refused.get(), false, null);
            return Optional.empty();
        }
        long timestamp = Instant.now().getEpochSecond(); // the real time: receivers check it against their own clocks
        String signature = Signature.header(subscription.signingSecrets(at), event.messageId(), timestamp, event.payload());
        return Optional.of(post.post(url, Map.of("webhook-id", event.messageId(), "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", signature), event.payload()));
    }

    /** Records the attempt (timed when it was recorded: latency says how long it took) and when to try again. */
    private void finish(Delivery d, int status, long latency, String snippet, String error, String retryAfter) {
        Instant now = clock.now();
        boolean ok = RetryPolicy.succeeded(status);
        Instant next = ok ? null : RetryPolicy.next(status, d.attempts() + 1, retryAfter, now, d.giveUpAt(),
                ThreadLocalRandom.current()).orElse(null);
        String why = ok ? null : error != null ? error : "HTTP " + status;
        claims.record(d.id(), now, status, latency, snippet, why, ok, next);
    }

    private void failed(Delivery d, Instant at, RuntimeException e) {
        LOG.log(Level.WARNING, "delivery " + d.id() + " failed", e);
        claims.record(d.id(), at, 0, 0, null, "error: " + e.getClass().getSimpleName(), false,
                RetryPolicy.next(0, d.attempts() + 1, null, at, d.giveUpAt(), ThreadLocalRandom.current()).orElse(null));
    }
}
