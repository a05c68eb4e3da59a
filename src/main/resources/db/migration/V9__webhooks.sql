-- Webhook subscriptions, the transactional outbox and its deliveries (#15). Subscriptions are operator data (backed
-- up); events, deliveries and attempts are a log of what was sent (not backed up).
CREATE TABLE webhook_subscription (
    id VARCHAR(36) PRIMARY KEY,
    url VARCHAR(2048) NOT NULL,
    event_types VARCHAR(500) NOT NULL,
    content_types VARCHAR(500),
    enabled BOOLEAN NOT NULL,
    disabled_reason VARCHAR(200),
    secret VARCHAR(100) NOT NULL,
    previous_secret VARCHAR(100),
    previous_secret_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL
);
CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 1;
-- one row per change, written in the transaction of the change itself
CREATE TABLE webhook_event (
    id BIGINT PRIMARY KEY,
    message_id VARCHAR(40) NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    entry_id VARCHAR(36) NOT NULL,
    content_type VARCHAR(40) NOT NULL,
    slug VARCHAR(200) NOT NULL,
    locale VARCHAR(20) NOT NULL,
    occurred_at TIMESTAMP NOT NULL,
    payload VARCHAR(4000) NOT NULL
);
-- one row per (event, subscription) or (event, edge); target orders deliveries per receiver and entry
CREATE TABLE webhook_delivery (
    id BIGINT PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES webhook_event (id),
    subscription_id VARCHAR(36) REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    edge_url VARCHAR(2048),
    target VARCHAR(2100) NOT NULL,
    entry_id VARCHAR(36) NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    give_up_at TIMESTAMP NOT NULL,
    claimed_by VARCHAR(100),
    claimed_until TIMESTAMP,
    last_status INT,
    last_error VARCHAR(200),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (target, entry_id, id);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
CREATE TABLE webhook_attempt (
    id BIGINT PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    status INT NOT NULL,
    latency_millis BIGINT NOT NULL,
    snippet VARCHAR(200),
    error VARCHAR(200)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
