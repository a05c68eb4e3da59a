-- Sacrum schema, version 1. Portable SQL for H2 2.x and PostgreSQL 13+; Flyway applies it once.

CREATE TABLE person (
    id                  VARCHAR(36)  PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE,
    display_name        VARCHAR(200) NOT NULL,
    email               VARCHAR(254),
    password_hash       VARCHAR(400),
    profession          VARCHAR(120),
    registration_body   VARCHAR(120),
    registration_number VARCHAR(64),
    demo                BOOLEAN      NOT NULL,
    active              BOOLEAN      NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    version             BIGINT       NOT NULL
);

CREATE TABLE person_role (
    person_id VARCHAR(36) NOT NULL REFERENCES person (id),
    role      VARCHAR(32) NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE api_token (
    id           VARCHAR(36)  PRIMARY KEY,
    person_id    VARCHAR(36)  NOT NULL REFERENCES person (id),
    name         VARCHAR(120) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    scopes       VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    revoked_at   TIMESTAMP
);

CREATE TABLE entry (
    id                       VARCHAR(36)  PRIMARY KEY,
    content_type             VARCHAR(32)  NOT NULL,
    slug                     VARCHAR(120) NOT NULL,
    locale                   VARCHAR(16)  NOT NULL,
    state                    VARCHAR(32)  NOT NULL,
    sample                   BOOLEAN      NOT NULL,
    latest_revision          INTEGER      NOT NULL,
    published_revision       INTEGER,
    approval_id              VARCHAR(36),
    published_approval_id    VARCHAR(36),
    created_at               TIMESTAMP    NOT NULL,
    updated_at               TIMESTAMP    NOT NULL,
    published_at             TIMESTAMP,
    version                  BIGINT       NOT NULL,
    CONSTRAINT entry_slug_unique UNIQUE (content_type, slug, locale)
);

CREATE TABLE revision (
    id            VARCHAR(36)     PRIMARY KEY,
    entry_id      VARCHAR(36)     NOT NULL REFERENCES entry (id),
    number        INTEGER         NOT NULL,
    content       VARCHAR(1000000) NOT NULL,
    content_hash  VARCHAR(64)     NOT NULL,
    author_id     VARCHAR(36)     NOT NULL REFERENCES person (id),
    created_at    TIMESTAMP       NOT NULL,
    change_note   VARCHAR(500),
    restored_from INTEGER,
    CONSTRAINT revision_number_unique UNIQUE (entry_id, number)
);

-- A clinician's signed approval of one exact revision (number and content hash).
CREATE TABLE approval (
    id                 VARCHAR(36)   PRIMARY KEY,
    entry_id           VARCHAR(36)   NOT NULL REFERENCES entry (id),
    revision_number    INTEGER       NOT NULL,
    content_hash       VARCHAR(64)   NOT NULL,
    reviewer_id        VARCHAR(36)   NOT NULL REFERENCES person (id),
    printed_name       VARCHAR(200)  NOT NULL,
    credential         VARCHAR(400)  NOT NULL,
    attestation        VARCHAR(2000) NOT NULL,
    signature_meaning  VARCHAR(500)  NOT NULL,
    approved_at        TIMESTAMP     NOT NULL,
    next_review_due    DATE          NOT NULL,
    demo               BOOLEAN       NOT NULL
);

-- Comments a clinician left when requesting changes, per field.
CREATE TABLE review_comment (
    id              VARCHAR(36)   PRIMARY KEY,
    entry_id        VARCHAR(36)   NOT NULL REFERENCES entry (id),
    revision_number INTEGER       NOT NULL,
    reviewer_id     VARCHAR(36)   NOT NULL REFERENCES person (id),
    field           VARCHAR(200)  NOT NULL,
    comment         VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);

-- Append-only: the application only ever inserts here.
CREATE SEQUENCE audit_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE audit_event (
    id              BIGINT        PRIMARY KEY,
    at              TIMESTAMP     NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    entry_id        VARCHAR(36),
    content_type    VARCHAR(32),
    slug            VARCHAR(120),
    revision_number INTEGER,
    from_state      VARCHAR(32),
    to_state        VARCHAR(32),
    detail          VARCHAR(2000)
);

-- Searchable facets of the published revision (topic, stage, equipment, urgency, linked conditions).
CREATE TABLE entry_facet (
    entry_id VARCHAR(36)  NOT NULL REFERENCES entry (id),
    name     VARCHAR(32)  NOT NULL,
    val      VARCHAR(120) NOT NULL,
    PRIMARY KEY (entry_id, name, val)
);
CREATE INDEX entry_facet_lookup ON entry_facet (name, val);
CREATE INDEX entry_published ON entry (content_type, published_revision);
CREATE INDEX audit_entry ON audit_event (entry_id);
