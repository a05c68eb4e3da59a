package org.sacrum.webhooks.control;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.edge.control.EdgePurge;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryReReviewPending;
import org.sacrum.entries.entity.EntryReviewDue;
import org.sacrum.entries.entity.EntryScheduleFailed;
import org.sacrum.entries.entity.EntryWithdrawn;
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.entity.Revision;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.EventType;
import org.sacrum.webhooks.entity.OutboxEvent;
import org.sacrum.webhooks.entity.OutboxWritten;
import org.sacrum.webhooks.entity.Subscription;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox: observes the entries' events synchronously, so the event row and one delivery row per
 * interested subscription (and, for publications and withdrawals, per configured edge cache) are written in the
 * transaction of the change itself. A change that rolls back sends nothing; one that commits is never lost.
 */
@Stateless
public class Outbox {
    @PersistenceContext
    EntityManager em;
    @Inject
    SacrumClock clock;
    @Inject
    EdgePurge edges;
    @Inject
    Event<OutboxWritten> written;
    @Inject
    @ConfigProperty(name = "sacrum.edge.repurge-seconds", defaultValue = "6")
    int repurgeSeconds;
    private final Optional<String> publicBaseUrl = ConfigProvider.getConfig().getOptionalValue("sacrum.public-base-url", String.class);

    public void published(@Observes EntryPublished event) {
        publishedData(event.entry()).ifPresent(data -> write(EventType.PUBLISHED, event.entry(), data));
    }

    /** The payload's data about an entry's published revision; empty when none is published. */
    private Optional<JsonObjectBuilder> publishedData(Entry entry) {
        Integer number = entry.publishedRevision();
        if (number == null) {
            return Optional.empty();
        }
        Revision revision = em.createNamedQuery("Revision.byNumber", Revision.class).setParameter("entry", entry.id())
                .setParameter("number", number).getSingleResult();
        return Optional.of(data(entry, number, revision.contentHash()));
    }

    /**
     * A withdrawal of what is public now: the open publication interval, read before PublicationHistory closes it
     * (this observer's priority runs it first). Archiving an entry that is not public (never, or withdrawn before)
     * changes nothing the public sees and sends nothing.
     */
    public void withdrawn(@Observes @Priority(Interceptor.Priority.APPLICATION + 400) EntryWithdrawn event) {
        Entry entry = event.entry();
        List<Publication> open = em.createQuery("SELECT p FROM Publication p WHERE p.entryId = :entry AND p.withdrawnAt IS NULL",
                Publication.class).setParameter("entry", entry.id()).setMaxResults(1).getResultList();
        if (open.isEmpty()) {
            return;
        }
        Publication was = open.get(0);
        JsonObjectBuilder data = data(entry, was.revisionNumber(), was.contentHash())
                .add("category", event.withdrawal().category().id());
        if (event.withdrawal().successor() != null) {
            data.add("successor", event.withdrawal().successor());
        }
        write(EventType.WITHDRAWN, entry, data);
    }

    public void reReviewPending(@Observes EntryReReviewPending event) {
        Entry entry = event.entry();
        Integer number = entry.publishedRevision();
        JsonObjectBuilder data = Json.createObjectBuilder().add("type", entry.typeId()).add("slug", entry.slug())
                .add("locale", entry.locale()).add("reason", event.reason()).add("url", publicUrl(entry));
        if (number != null) {
            data.add("revision", number);
        }
        write(EventType.RE_REVIEW_PENDING, entry, data);
    }

    /** An entry's clinical review fell due-soon or overdue (announced once each per next review date). */
    public void reviewDue(@Observes EntryReviewDue event) {
        publishedData(event.entry()).ifPresent(data -> write(EventType.REVIEW_DUE, event.entry(), data
                .add("currency", event.currency().id()).add("nextReviewDue", event.nextReviewDue().toString())));
    }

    /** The schedule job's action was refused by the workflow rules: the entry stays as it was, flagged for its publisher. */
    public void scheduleFailed(@Observes EntryScheduleFailed event) {
        Entry entry = event.entry();
        JsonArrayBuilder rules = Json.createArrayBuilder();
        event.rules().forEach(rules::add);
        write(EventType.SCHEDULE_FAILED, entry, Json.createObjectBuilder().add("type", entry.typeId()).add("slug", entry.slug())
                .add("locale", entry.locale()).add("revision", entry.latestRevision()).add("action", event.action())
                .add("rules", rules).add("url", publicUrl(entry)));
    }

    private JsonObjectBuilder data(Entry entry, int revision, String contentHash) {
        return Json.createObjectBuilder().add("type", entry.typeId()).add("slug", entry.slug()).add("locale", entry.locale())
                .add("revision", revision).add("contentHash", contentHash).add("url", publicUrl(entry));
    }

    /** Where a site reads the entry: the delivery API under the configured public base URL (a path when none is set). */
    String publicUrl(Entry entry) {
        String path = "/api/v1/" + entry.contentType().plural() + "/" + entry.slug()
                + (entry.locale().equals(ContentCodec.DEFAULT_LOCALE) ? "" : "?locale=" + entry.locale());
        String base = publicBaseUrl.map(String::strip).filter(b -> !b.isEmpty()).orElse("");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private void write(EventType type, Entry entry, JsonObjectBuilder data) {
        Instant now = clock.now();
        List<Subscription> subscribers = em.createQuery("SELECT s FROM Subscription s WHERE s.enabled = TRUE ORDER BY s.id",
                Subscription.class).getResultList().stream().filter(s -> s.wants(type, entry.typeId())).toList();
        List<URI> edgeUrls = type.purgesEdge() ? edges.edges() : List.of();
        if (subscribers.isEmpty() && edgeUrls.isEmpty()) {
            return;
        }
        long id = next();
        String payload = Json.createObjectBuilder().add("type", type.id()).add("timestamp", now.toString()).add("data", data)
                .build().toString();
        OutboxEvent row = new OutboxEvent(id, type, entry.id(), entry.typeId(), entry.slug(), entry.locale(), now, payload);
        em.persist(row);
        em.flush(); // the event row before the deliveries that reference it
        subscribers.forEach(s -> em.persist(Delivery.toSubscription(next(), row, s.id(), now)));
        edgeUrls.forEach(edge -> em.persist(Delivery.toEdge(next(), row, edge.toString(), now)));
        if (repurgeSeconds > 0) {
            edgeUrls.forEach(edge -> em.persist(Delivery.toEdgeAgain(next(), row, edge.toString(), now.plusSeconds(repurgeSeconds), now)));
        }
        written.fire(new OutboxWritten(subscribers.size() + edgeUrls.size()));
    }

    private long next() {
        return ((Number) em.createNativeQuery("SELECT nextval('webhook_seq')").getSingleResult()).longValue();
    }
}
