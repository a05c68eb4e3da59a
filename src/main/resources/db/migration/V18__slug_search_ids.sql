-- The link picker's ?search= (slug contains) at catalogue scale (issue #17): a term common in slugs is tested on the
-- entries of this index in slug order (an index-only scan: about 50 bytes an entry, not the whole row), and only the
-- page's rows are read; a rare term still takes the trigram index on PostgreSQL (V16).
CREATE INDEX entry_slug_search ON entry (content_type, slug, locale, state, id);
