package org.sacrum.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * interval. Claims a batch ({@link DeliveryClaims}), sends each in parallel on the managed executor, records each
 * attempt, and claims again until nothing is due. One drain at a time per instance.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final int BATCH = 20;
    @Resource
    ManagedScheduledExecutorService executor;
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
        timer = executor.scheduleWithFixedDelay(this::drainSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopped = true; // a drain in progress finishes its current attempts; unfinished claims expire with their lease
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** After a commit that wrote deliveries: drain now (or once more, if a drain is running). */
    public void nudge() {
        again.set(true);
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
                    CompletableFuture.allOf(batch.stream().map(c -> CompletableFuture.runAsync(() -> deliver(c), executor))
                            .toArray(CompletableFuture[]::new)).join();
                }
            } while (again.get() && !stopped);
        } catch (RuntimeException e) { // the next poll tries again
            LOG.log(Level.WARNING, "webhook dispatch failed", e);
        } finally {
            draining.unlock();
        }
    }

    private void deliver(DeliveryClaims.Claimed claimed) {
        Delivery d = claimed.delivery();
        Instant at = clock.now();
        try {
            if (d.subscriptionId() == null) {
                purgeEdge(d, claimed.event(), at);
            } else {
                sendWebhook(d, claimed.event(), claimed.subscription(), at);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery " + d.id() + " failed", e);
            claims.record(d.id(), at, 0, 0, null, "error: " + e.getClass().getSimpleName(), false,
                    RetryPolicy.next(0, d.attempts() + 1, null, at, d.giveUpAt(), ThreadLocalRandom.current()).orElse(null));
        }
    }

    private void purgeEdge(Delivery d, OutboxEvent event, Instant at) {
        EdgePurge.Attempt result = edge.purge(URI.create(d.edgeUrl()), SurrogateKeys.ofChange(event.contentType(), event.slug(), event.locale()));
        finish(d, at, result.status(), result.latencyMillis(), result.snippet(), result.succeeded() ? null : "edge purge failed", null);
    }

    private void sendWebhook(Delivery d, OutboxEvent event, Subscription subscription, Instant at) {
        if (subscription == null || !subscription.enabled()) {
            claims.record(d.id(), at, 0, 0, null, "subscription disabled", false, null);
            return;
        }
        URI url = URI.create(subscription.url());
        Optional<String> refused = targets.refusal(url); // again at send time: the name may resolve elsewhere now
        if (refused.isPresent()) {
            claims.record(d.id(), at, 0, 0, null, "refused: " + refused.get(), false, null);
            return;
        }
        long timestamp = at.getEpochSecond();
        String signature = Signature.header(subscription.signingSecrets(at), event.messageId(), timestamp, event.payload());
        WebhookPost.Answer answer = post.post(url, Map.of("webhook-id", event.messageId(), "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", signature), event.payload());
        if (answer.status() == 410) {
            claims.gone(subscription.id());
        }
        finish(d, at, answer.status(), answer.latencyMillis(), answer.snippet(), answer.error(), answer.retryAfter());
    }

    private void finish(Delivery d, Instant at, int status, long latency, String snippet, String error, String retryAfter) {
        boolean ok = RetryPolicy.succeeded(status);
        Instant next = ok ? null : RetryPolicy.next(status, d.attempts() + 1, retryAfter, clock.now(), d.giveUpAt(),
                ThreadLocalRandom.current()).orElse(null);
        String why = ok ? null : error != null ? error : "HTTP " + status;
        claims.record(d.id(), at, status, latency, snippet, why, ok, next);
    }
}
