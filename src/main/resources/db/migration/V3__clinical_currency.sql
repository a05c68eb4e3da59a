-- Clinical currency (#13): a published entry flagged for re-review when a linked red flag changed, and its schedule.
ALTER TABLE entry ADD COLUMN re_review_reason VARCHAR(500);
ALTER TABLE entry ADD COLUMN re_review_since TIMESTAMP;
ALTER TABLE entry ADD COLUMN publish_at TIMESTAMP;
ALTER TABLE entry ADD COLUMN unpublish_at TIMESTAMP;
