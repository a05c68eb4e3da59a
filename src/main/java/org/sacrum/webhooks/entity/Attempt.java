package org.sacrum.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt at a delivery: when, the answer's status (0: none), latency, up to 200 characters of the answer, the error. */
@Entity
@Table(name = "webhook_attempt")
public class Attempt {
    public static final int SNIPPET = 200;
    @Id
    private long id;
    @Column(name = "delivery_id")
    private long deliveryId;
    private Instant at;
    private int status;
    @Column(name = "latency_millis")
    private long latencyMillis;
    private String snippet;
    private String error;

    protected Attempt() {
    }

    public Attempt(long id, long deliveryId, Instant at, int status, long latencyMillis, String snippet, String error) {
        this.id = id;
        this.deliveryId = deliveryId;
        this.at = at;
        this.status = status;
        this.latencyMillis = latencyMillis;
        this.snippet = cut(snippet);
        this.error = cut(error);
    }

    public static String cut(String text) {
        return text == null || text.length() <= SNIPPET ? text : text.substring(0, SNIPPET);
    }

    public long id() {
        return id;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public Instant at() {
        return at;
    }

    public int status() {
        return status;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public String snippet() {
        return snippet;
    }

    public String error() {
        return error;
    }
}
