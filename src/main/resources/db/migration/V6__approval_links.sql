-- An approval covers what the reader sees (#13): the published revision (and content hash) of every entry the approved
-- content links to, one row per link, and one SHA-256 over them all. Approvals made before have no manifest (NULL hash).
ALTER TABLE approval ADD COLUMN link_manifest_hash VARCHAR(64);

CREATE TABLE approval_link (
    approval_id      VARCHAR(36)  NOT NULL REFERENCES approval (id),
    item_index       INTEGER      NOT NULL,
    link_type        VARCHAR(40)  NOT NULL,
    slug             VARCHAR(120) NOT NULL,
    published        BOOLEAN      NOT NULL,
    revision_number  INTEGER,
    content_hash     VARCHAR(64),
    PRIMARY KEY (approval_id, item_index)
);
-- the red-flag cascade and warning-still-linked look up who links to one entry
CREATE INDEX approval_link_target ON approval_link (link_type, slug);
