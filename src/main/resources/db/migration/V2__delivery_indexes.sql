-- Indexes for the delivery API's filtered lists: facet lookups answered from the index alone, and
-- published entries of a type and locale read in slug order.
CREATE INDEX entry_facet_covering ON entry_facet (name, val, entry_id);
CREATE INDEX entry_type_locale_slug ON entry (content_type, locale, slug);
