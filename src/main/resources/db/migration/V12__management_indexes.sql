-- The management lists and the review queue at catalogue scale (issue #17): a section's first entries are read in
-- order from an index and counted from it; review currency walks approvals by due date; an entry's approvals and
-- comments are found without reading the table.
CREATE INDEX entry_state_type_slug ON entry (state, content_type, slug, locale);
CREATE INDEX entry_published_approval ON entry (published_approval_id);
CREATE INDEX entry_re_review ON entry (re_review_reason);
CREATE INDEX approval_next_review ON approval (next_review_due, id);
CREATE INDEX approval_entry ON approval (entry_id, revision_number);
CREATE INDEX review_comment_entry ON review_comment (entry_id);
