package org.sacrum.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.webhooks.entity.Attempt;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.OutboxEvent;
import org.sacrum.webhooks.entity.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Claims due deliveries for one instance and records each attempt, each in a short transaction of its own. A claim
 * locks the candidate rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL; H2 2.2 has it too), so instances never
 * wait on each other, and marks them claimed by this instance for a lease: a row claimed by an instance that died is
 * due again when its lease ends. A delivery is due only when no earlier delivery for the same receiver and entry is
 * still pending: events for one entry arrive in order.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryClaims {
    static final Duration LEASE = Duration.ofMinutes(2);
    @PersistenceContext
    EntityManager em;
    @Inject
    SacrumClock clock;

    /** A claimed delivery with what sending it needs. */
    public record Claimed(Delivery delivery, OutboxEvent event, Subscription subscription) {
    }

    public List<Claimed> claim(String instance, int max) {
        Instant now = clock.now();
        List<Long> due = em.createQuery("SELECT d.id FROM Delivery d WHERE d.status = :pending AND d.nextAttemptAt <= :now"
                        + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now) AND NOT EXISTS (SELECT e.id FROM Delivery e"
                        + " WHERE e.target = d.target AND e.entryId = d.entryId AND e.id < d.id AND e.status = :pending)"
                        + " ORDER BY d.id", Long.class)
                .setParameter("pending", Delivery.PENDING).setParameter("now", now).setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        String ids = due.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE id IN (" + ids + ") AND status = '"
                + Delivery.PENDING + "' ORDER BY id FOR UPDATE SKIP LOCKED").getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object row : locked) {
            long id = ((Number) row).longValue();
            // re-checked under the lock: another instance may have claimed it (and committed) since the first read
            int mine = em.createQuery("UPDATE Delivery d SET d.claimedBy = :me, d.claimedUntil = :until WHERE d.id = :id"
                            + " AND d.status = :pending AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
                    .setParameter("me", instance).setParameter("until", now.plus(LEASE)).setParameter("id", id)
                    .setParameter("pending", Delivery.PENDING).setParameter("now", now).executeUpdate();
            if (mine == 1) {
                Delivery d = em.find(Delivery.class, id);
                em.refresh(d);
                claimed.add(new Claimed(d, em.find(OutboxEvent.class, d.eventId()),
                        d.subscriptionId() == null ? null : em.find(Subscription.class, d.subscriptionId())));
            }
        }
        return claimed;
    }

    /** Logs one attempt and moves the delivery on: delivered, pending until {@code next}, or failed (next null). */
    public void record(long deliveryId, Instant at, int status, long latencyMillis, String snippet, String error,
                       boolean succeeded, Instant next) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null) {
            return; // its subscription was deleted meanwhile
        }
        em.persist(new Attempt(next(), deliveryId, at, status, latencyMillis, snippet, error));
        delivery.attempted(status, Attempt.cut(error), succeeded, next, clock.now());
    }

    /** A 410 Gone from the receiver: the subscription sends nothing more until an admin enables it again. */
    public void gone(String subscriptionId) {
        Subscription s = em.find(Subscription.class, subscriptionId);
        if (s != null) {
            s.disable("the receiver answered 410 Gone", clock.now());
        }
    }

    private long next() {
        return ((Number) em.createNativeQuery("SELECT nextval('webhook_seq')").getSingleResult()).longValue();
    }
}
