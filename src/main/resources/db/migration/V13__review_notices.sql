-- Which review-due notices were announced (entry.review-due webhooks): one per entry, next review date and currency
-- (due-soon, overdue), so the job announces each once however often it runs. A log, not content: not in the backup.
CREATE TABLE review_notice (
    entry_id        VARCHAR(36)  NOT NULL REFERENCES entry (id),
    next_review_due DATE         NOT NULL,
    currency        VARCHAR(20)  NOT NULL,
    announced_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (entry_id, next_review_due, currency)
);
