-- Scheduled publishing and withdrawal (#13): who set the schedule, and the last scheduled action the rules refused.
ALTER TABLE entry ADD COLUMN scheduled_by VARCHAR(64);
ALTER TABLE entry ADD COLUMN schedule_failed_at TIMESTAMP;
ALTER TABLE entry ADD COLUMN schedule_failed_action VARCHAR(20);
ALTER TABLE entry ADD COLUMN schedule_failed_rules VARCHAR(500);
-- the schedule job looks for due entries on every tick, on every instance
CREATE INDEX entry_publish_at ON entry (publish_at);
CREATE INDEX entry_unpublish_at ON entry (unpublish_at);
