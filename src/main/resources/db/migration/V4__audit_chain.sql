-- Tamper-evident audit (#13): each record carries the SHA-256 of its canonical JSON (hash) and its predecessor's
-- hash (prev_hash). Records already here are chained at startup (audit.control.ChainBackfill), oldest first.
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
-- The newest chained record: appending locks this one row, so that concurrent writers never fork the chain.
CREATE TABLE audit_head (
    id      INTEGER      PRIMARY KEY,
    last_id BIGINT       NOT NULL,
    hash    VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_id, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
