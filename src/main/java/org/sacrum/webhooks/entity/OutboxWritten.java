package org.sacrum.webhooks.entity;

/** Fired when a transaction wrote deliveries to the outbox: after it commits, the dispatcher wakes at once. */
public record OutboxWritten(int deliveries) {
}
