package org.sacrum.delivery.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;

import java.sql.Timestamp;

/**
 * q's index: one entry_search row per published entry with the listing columns of {@link FacetIndex} and the words of
 * the published revision ({@link SearchText#document}); PostgreSQL derives a tsvector from them (V14). Written in the
 * publishing transaction, removed when the entry leaves the public: a draft's words are never searchable.
 */
@Stateless
public class SearchIndex {
    public static final String INSERT = "INSERT INTO entry_search (entry_id, content_type, locale, slug, published_at, words)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    @PersistenceContext
    EntityManager em;

    /**
     * One row through JDBC, for those that write the index outside a publication (V14's backfill, a backup import):
     * the entry's id, type, locale, slug and publication instant, and its published revision's canonical JSON.
     */
    public static void insert(java.sql.PreparedStatement insert, String id, String type, String locale, String slug,
                              Timestamp publishedAt, String content) throws java.sql.SQLException {
        insert.setString(1, id);
        insert.setString(2, type);
        insert.setString(3, locale);
        insert.setString(4, slug);
        insert.setTimestamp(5, publishedAt);
        insert.setString(6, SearchText.document(slug, ContentCodec.toJsonObject(content)));
        insert.executeUpdate();
    }

    public void published(@Observes EntryPublished event) {
        Entry entry = event.entry();
        String words = SearchText.document(entry.slug(), ContentCodec.toJsonObject(ContentCodec.write(event.content())));
        clear(entry);
        em.createNativeQuery(INSERT)
                .setParameter(1, entry.id()).setParameter(2, entry.contentType().name()).setParameter(3, entry.locale())
                .setParameter(4, entry.slug())
                .setParameter(5, entry.publishedAt() == null ? null : Timestamp.from(entry.publishedAt()))
                .setParameter(6, words).executeUpdate();
    }

    public void withdrawn(@Observes EntryWithdrawn event) {
        clear(event.entry());
    }

    private void clear(Entry entry) {
        em.createNativeQuery("DELETE FROM entry_search WHERE entry_id = ?").setParameter(1, entry.id()).executeUpdate();
    }
}
