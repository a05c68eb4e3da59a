package org.sacrum.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change in the outbox, written in the change's own transaction; {@code payload} is the exact body sent. */
@Entity
@Table(name = "webhook_event")
public class OutboxEvent {
    @Id
    private long id;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "entry_id")
    private String entryId;
    @Column(name = "content_type")
    private String contentType;
    private String slug;
    private String locale;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String payload;

    protected OutboxEvent() {
    }

    public OutboxEvent(long id, EventType type, String entryId, String contentType, String slug, String locale,
                       Instant occurredAt, String payload) {
        this.id = id;
        this.messageId = "msg_" + id + "_" + org.sacrum.platform.entity.Ids.next().replace("-", "").substring(0, 12);
        this.eventType = type.id();
        this.entryId = entryId;
        this.contentType = contentType;
        this.slug = slug;
        this.locale = locale;
        this.occurredAt = occurredAt;
        this.payload = payload;
    }

    public long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public String eventType() {
        return eventType;
    }

    public String entryId() {
        return entryId;
    }

    public String contentType() {
        return contentType;
    }

    public String slug() {
        return slug;
    }

    public String locale() {
        return locale;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String payload() {
        return payload;
    }
}
