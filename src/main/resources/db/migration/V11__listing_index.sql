-- Delivery lists whose cost does not grow with the catalogue (issue #17). Each facet row carries what a page is
-- sorted and scoped by (type, locale, slug, publication instant), so that a page is read in order from one index
-- without reading every match; every published entry gets a '*'/'*' row (the unfiltered list); and the number of
-- published entries per facet value is kept in facet_count, updated in the publishing transaction (exact totals
-- without counting per request). A one-time backfill here; boots never scan the catalogue.
ALTER TABLE entry_facet ADD COLUMN content_type VARCHAR(32);
ALTER TABLE entry_facet ADD COLUMN locale VARCHAR(16);
ALTER TABLE entry_facet ADD COLUMN slug VARCHAR(120);
ALTER TABLE entry_facet ADD COLUMN published_at TIMESTAMP;

INSERT INTO entry_facet (entry_id, name, val)
SELECT id, '*', '*' FROM entry WHERE published_revision IS NOT NULL;

UPDATE entry_facet SET
    content_type = (SELECT e.content_type FROM entry e WHERE e.id = entry_facet.entry_id),
    locale = (SELECT e.locale FROM entry e WHERE e.id = entry_facet.entry_id),
    slug = (SELECT e.slug FROM entry e WHERE e.id = entry_facet.entry_id),
    published_at = (SELECT e.published_at FROM entry e WHERE e.id = entry_facet.entry_id);

CREATE INDEX entry_facet_by_slug ON entry_facet (content_type, locale, name, val, slug, entry_id);
CREATE INDEX entry_facet_by_published ON entry_facet (content_type, locale, name, val, published_at, slug, entry_id);
CREATE INDEX entry_facet_by_published_desc ON entry_facet (content_type, locale, name, val, published_at DESC, slug, entry_id);

CREATE TABLE facet_count (
    content_type VARCHAR(32)  NOT NULL,
    locale       VARCHAR(16)  NOT NULL,
    name         VARCHAR(32)  NOT NULL,
    val          VARCHAR(120) NOT NULL,
    total        BIGINT       NOT NULL,
    PRIMARY KEY (content_type, locale, name, val)
);
INSERT INTO facet_count (content_type, locale, name, val, total)
SELECT content_type, locale, name, val, COUNT(*) FROM entry_facet GROUP BY content_type, locale, name, val;
