package org.sacrum.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One event for one receiver: a subscription (kind webhook) or a configured edge cache (kind edge). Pending until
 * an attempt succeeds (delivered) or the retries end (failed). {@code target} names the receiver: a later delivery
 * for the same target and entry waits while an earlier one is pending.
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    @Id
    private long id;
    @Column(name = "event_id")
    private long eventId;
    @Column(name = "subscription_id")
    private String subscriptionId;
    @Column(name = "edge_url")
    private String edgeUrl;
    private String target;
    @Column(name = "entry_id")
    private String entryId;
    private String status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "give_up_at")
    private Instant giveUpAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    @Column(name = "last_status")
    private Integer lastStatus;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Delivery() {
    }

    private Delivery(long id, OutboxEvent event, String subscriptionId, String edgeUrl, String target, Instant first, Instant now) {
        this.id = id;
        this.eventId = event.id();
        this.subscriptionId = subscriptionId;
        this.edgeUrl = edgeUrl;
        this.target = target;
        this.entryId = event.entryId();
        this.status = PENDING;
        this.nextAttemptAt = first;
        this.giveUpAt = now.plus(RetryPolicy.WINDOW);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Delivery toSubscription(long id, OutboxEvent event, String subscriptionId, Instant now) {
        return new Delivery(id, event, subscriptionId, null, "webhook:" + subscriptionId, now, now);
    }

    public static Delivery toEdge(long id, OutboxEvent event, String edgeUrl, Instant now) {
        return new Delivery(id, event, null, edgeUrl, "edge:" + edgeUrl, now, now);
    }

    /**
     * The same purge once more at {@code at}: a response rendered before the change committed but stored at the edge
     * after the first purge (or refilled from another instance's local copy, kept up to 5 s) goes too. A target of
     * its own, so it never holds back the next change's immediate purge.
     */
    public static Delivery toEdgeAgain(long id, OutboxEvent event, String edgeUrl, Instant at, Instant now) {
        return new Delivery(id, event, null, edgeUrl, "edge-again:" + edgeUrl, at, now);
    }

    /** The outcome of one attempt: delivered, another attempt at {@code next}, or failed for good (next null). */
    public void attempted(int status, String error, boolean succeeded, Instant next, Instant now) {
        attempts++;
        lastStatus = status;
        lastError = error;
        this.status = succeeded ? DELIVERED : next == null ? FAILED : PENDING;
        if (next != null) {
            nextAttemptAt = next;
        }
        claimedBy = null;
        claimedUntil = null;
        updatedAt = now;
    }

    /** An admin asks for it again: pending now, with a fresh retry window. */
    public void redeliver(Instant now) {
        status = PENDING;
        nextAttemptAt = now;
        giveUpAt = now.plus(RetryPolicy.WINDOW);
        claimedBy = null;
        claimedUntil = null;
        updatedAt = now;
    }

    public String kind() {
        return subscriptionId != null ? "webhook" : "edge";
    }

    public long id() {
        return id;
    }

    public long eventId() {
        return eventId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String edgeUrl() {
        return edgeUrl;
    }

    public String entryId() {
        return entryId;
    }

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant giveUpAt() {
        return giveUpAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
