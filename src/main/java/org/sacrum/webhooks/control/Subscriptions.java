package org.sacrum.webhooks.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.webhooks.entity.Attempt;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.OutboxEvent;
import org.sacrum.webhooks.entity.OutboxWritten;
import org.sacrum.webhooks.entity.EventType;
import org.sacrum.webhooks.entity.Subscription;
import org.sacrum.webhooks.entity.SubscriptionRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Webhook subscriptions and their deliveries, for admins: the URL is checked by the SSRF guard on every change. */
@Stateless
public class Subscriptions {
    /** At most this many subscriptions: each change fans out to all of them in its own transaction. */
    public static final int MAX = 100;
    @PersistenceContext
    EntityManager em;
    @Inject
    SacrumClock clock;
    @Inject
    Targets targets;
    @Inject
    Event<OutboxWritten> written;

    public List<Subscription> all() {
        return em.createQuery("SELECT s FROM Subscription s ORDER BY s.createdAt, s.id", Subscription.class).setMaxResults(MAX).getResultList();
    }

    public Subscription get(String id) {
        Subscription s = id == null || id.length() > 36 ? null : em.find(Subscription.class, id);
        if (s == null) {
            throw ProblemException.notFound("No webhook subscription '" + id + "'.");
        }
        return s;
    }

    public Subscription create(SubscriptionRequest request) {
        checked(request);
        long count = em.createQuery("SELECT COUNT(s) FROM Subscription s", Long.class).getSingleResult();
        if (count >= MAX) {
            throw ProblemException.conflict("too-many-subscriptions", "There are " + MAX + " webhook subscriptions already.",
                    List.of(new Violation("", "subscription-limit", "at most " + MAX)));
        }
        Subscription s = new Subscription(request.url(), Set.copyOf(request.events()), contentTypes(request),
                request.enabled() == null || request.enabled(), clock.now());
        em.persist(s);
        return s;
    }

    public Subscription update(String id, SubscriptionRequest request) {
        checked(request);
        Subscription s = get(id);
        s.change(request.url(), Set.copyOf(request.events()), contentTypes(request),
                request.enabled() == null ? s.enabled() : request.enabled(), clock.now());
        return s;
    }

    public void delete(String id) {
        Subscription s = get(id);
        em.createQuery("DELETE FROM Attempt a WHERE a.deliveryId IN (SELECT d.id FROM Delivery d WHERE d.subscriptionId = :s)")
                .setParameter("s", id).executeUpdate();
        em.createQuery("DELETE FROM Delivery d WHERE d.subscriptionId = :s").setParameter("s", id).executeUpdate();
        em.remove(s);
    }

    public String rotate(String id) {
        return get(id).rotate(clock.now());
    }

    private void checked(SubscriptionRequest request) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            if (EventType.byId(request.events().get(i)).isEmpty()) {
                unknown.add(new Violation("events[" + i + "]", "event-type-known", "must be one of " + EventType.ids()));
            }
        }
        List<String> types = request.contentTypes() == null ? List.of() : request.contentTypes();
        for (int i = 0; i < types.size(); i++) {
            if (ContentType.byId(types.get(i)).isEmpty()) {
                unknown.add(new Violation("contentTypes[" + i + "]", "content-type-known", "is not a content type"));
            }
        }
        if (!unknown.isEmpty()) {
            throw RequestBodies.invalid(unknown);
        }
        targets.check("url", request.url());
    }

    private static Set<String> contentTypes(SubscriptionRequest request) {
        return request.contentTypes() == null ? Set.of() : new LinkedHashSet<>(request.contentTypes());
    }

    /** Deliveries newest first, before the cursor (0: from the newest), of one subscription (null: all, edges too). */
    public List<Delivery> deliveries(String subscriptionId, String status, long before, int limit) {
        // conditions added only when given: PostgreSQL cannot type a null parameter in ":p IS NULL"
        StringBuilder jpql = new StringBuilder("SELECT d FROM Delivery d WHERE d.id > 0");
        if (subscriptionId != null) {
            jpql.append(" AND d.subscriptionId = :s");
        }
        if (status != null) {
            jpql.append(" AND d.status = :status");
        }
        if (before > 0) {
            jpql.append(" AND d.id < :before");
        }
        var query = em.createQuery(jpql.append(" ORDER BY d.id DESC").toString(), Delivery.class).setMaxResults(limit);
        if (subscriptionId != null) {
            query.setParameter("s", subscriptionId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (before > 0) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }

    public Delivery delivery(String id) {
        Delivery d = id != null && id.matches("[0-9]{1,18}") ? em.find(Delivery.class, Long.parseLong(id)) : null;
        if (d == null) {
            throw ProblemException.notFound("No webhook delivery '" + id + "'.");
        }
        return d;
    }

    public OutboxEvent event(Delivery delivery) {
        return em.find(OutboxEvent.class, delivery.eventId());
    }

    public List<Attempt> attempts(Delivery delivery) {
        return em.createQuery("SELECT a FROM Attempt a WHERE a.deliveryId = :d ORDER BY a.id", Attempt.class)
                .setParameter("d", delivery.id()).setMaxResults(1000).getResultList();
    }

    /** Sends the delivery again (pending now, with a fresh retry window); a disabled subscription stays disabled. */
    public Delivery redeliver(String id) {
        Delivery d = delivery(id);
        if (Delivery.PENDING.equals(d.status())) {
            throw ProblemException.conflict("delivery-pending", "The delivery is still pending.",
                    List.of(new Violation("", "delivery-not-pending", "is pending")));
        }
        d.redeliver(clock.now());
        written.fire(new OutboxWritten(1));
        return d;
    }
}
