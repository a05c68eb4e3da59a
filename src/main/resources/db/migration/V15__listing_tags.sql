-- Filtered delivery lists at constant cost (issue #17, second step). A page is read in order from one facet value's
-- index (the driver); the other filters used to be an index probe per driver row (EXISTS), 3-4 pages each. Now every
-- listing row carries the entry's whole facet set, ' name=value name=value ', in the indexes themselves, so that the
-- other filters are checked inside the index entry the driver already reads (LIKE '% stage=trimester-2 %'). A set
-- longer than 1,500 characters is left NULL and such a row is checked the old way (a B-tree entry has a size limit).
-- A topic filter means the topic and its sub-topics: 'topic-within' rows index every topic an entry has and every
-- ancestor of it, so that topic=back-pain is one ordered index value instead of three values to merge. The pairs
-- below are content-model/topics.json's child -> ancestor pairs at this release (ListingTagsMigrationTest holds
-- them to it); FacetIndex and the backup import derive them from the taxonomy itself.
ALTER TABLE entry_facet ADD COLUMN tags VARCHAR(1500);

INSERT INTO entry_facet (entry_id, name, val, content_type, locale, slug, published_at)
SELECT entry_id, 'topic-within', val, content_type, locale, slug, published_at FROM entry_facet WHERE name = 'topic';

INSERT INTO entry_facet (entry_id, name, val, content_type, locale, slug, published_at)
SELECT DISTINCT f.entry_id, 'topic-within', a.ancestor, f.content_type, f.locale, f.slug, f.published_at
FROM entry_facet f
JOIN (VALUES ('low-back-pain', 'back-pain'), ('upper-back-pain', 'back-pain'), ('si-joint-pain', 'pelvic-pain'),
             ('preterm-labour', 'red-flags')) AS a (topic, ancestor) ON a.topic = f.val
WHERE f.name = 'topic' AND NOT EXISTS
    (SELECT 1 FROM entry_facet x WHERE x.entry_id = f.entry_id AND x.name = 'topic-within' AND x.val = a.ancestor);

UPDATE entry_facet SET tags = (
    SELECT CASE WHEN COALESCE(SUM(LENGTH(x.name) + LENGTH(x.val) + 2), 0) <= 1499
        THEN ' ' || COALESCE(STRING_AGG(x.name || '=' || x.val, ' ' ORDER BY x.name, x.val) || ' ', '') END
    FROM entry_facet x WHERE x.entry_id = entry_facet.entry_id AND x.name NOT IN ('*', 'topic'));

INSERT INTO facet_count (content_type, locale, name, val, total)
SELECT content_type, locale, name, val, COUNT(*) FROM entry_facet WHERE name = 'topic-within'
GROUP BY content_type, locale, name, val;

-- the set as the indexes' last column: a page and its checks are read from the index alone (PostgreSQL's INCLUDE
-- would keep it out of the key, but H2 has no INCLUDE, and as the last key column it costs the same to read)
DROP INDEX entry_facet_by_slug;
DROP INDEX entry_facet_by_published;
DROP INDEX entry_facet_by_published_desc;
CREATE INDEX entry_facet_by_slug ON entry_facet (content_type, locale, name, val, slug, entry_id, tags);
CREATE INDEX entry_facet_by_published ON entry_facet (content_type, locale, name, val, published_at, slug, entry_id, tags);
CREATE INDEX entry_facet_by_published_desc ON entry_facet (content_type, locale, name, val, published_at DESC, slug, entry_id, tags);
