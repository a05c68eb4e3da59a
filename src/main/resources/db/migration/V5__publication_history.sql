-- Publication history (#13): which revision of each entry the public could read, from when to when. One row per
-- public interval; withdrawn_at is null while it is public. Ids and withdrawn_seq come from audit_seq, so that the
-- change feed's cursors (audit ids before V5) stay valid and keep increasing.
CREATE TABLE publication (
    id                  BIGINT       PRIMARY KEY,
    entry_id            VARCHAR(36)  NOT NULL REFERENCES entry (id),
    content_type        VARCHAR(32)  NOT NULL,
    slug                VARCHAR(120) NOT NULL,
    locale              VARCHAR(16)  NOT NULL,
    revision_number     INTEGER      NOT NULL,
    content_hash        VARCHAR(64)  NOT NULL,
    approval_id         VARCHAR(36),
    published_at        TIMESTAMP    NOT NULL,
    withdrawn_at        TIMESTAMP,
    withdrawn_seq       BIGINT,
    withdrawal_category VARCHAR(32),
    withdrawal_reason   VARCHAR(500),
    successor           VARCHAR(160)
);
CREATE INDEX publication_entry ON publication (entry_id, published_at);
CREATE INDEX publication_slug ON publication (content_type, slug, locale, published_at);
CREATE INDEX publication_withdrawn_seq ON publication (withdrawn_seq);

-- What is public now; each row takes the cursor of the entry's last "publish" audit event, which clients have seen.
INSERT INTO publication (id, entry_id, content_type, slug, locale, revision_number, content_hash, approval_id, published_at)
SELECT COALESCE((SELECT MAX(a.id) FROM audit_event a WHERE a.entry_id = e.id AND a.action = 'publish'), nextval('audit_seq')),
       e.id, e.content_type, e.slug, e.locale, e.published_revision, r.content_hash, e.published_approval_id,
       COALESCE(e.published_at, e.updated_at)
FROM entry e JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision
WHERE e.published_revision IS NOT NULL;
