package org.sacrum.delivery.control;

import jakarta.enterprise.context.Dependent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * V14 (issue #17): entry_search, q's index (see {@link SearchIndex}), and its one-time backfill from the published
 * revisions, whose words only Java extracts ({@link SearchText}); boots never scan the catalogue. PostgreSQL keeps a
 * tsvector of the words with a GIN index (array_to_tsvector: the words are the lexemes as they are, never re-parsed);
 * H2 has only the words. SchemaMigration runs it with the SQL migrations (a CDI bean, so platform need not know it).
 */
@Dependent
public class SearchIndexMigration implements JavaMigration {
    static final List<String> COMMON = List.of(
            "CREATE INDEX entry_search_by_slug ON entry_search (content_type, locale, slug, entry_id)",
            "CREATE INDEX entry_search_by_published ON entry_search (content_type, locale, published_at, slug, entry_id)",
            "CREATE INDEX entry_search_by_published_desc ON entry_search (content_type, locale, published_at DESC, slug, entry_id)");

    static final String TOAST_IN_ROW = "ALTER TABLE entry_search ALTER COLUMN doc SET STORAGE MAIN,"
            + " ALTER COLUMN words SET STORAGE MAIN, SET (toast_tuple_target = 8160)";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "search index";
    }

    @Override
    public Integer getChecksum() {
        return 14;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        boolean postgres = "PostgreSQL".equals(db.getMetaData().getDatabaseProductName());
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE entry_search ("
                    + " entry_id VARCHAR(36) PRIMARY KEY REFERENCES entry (id),"
                    + " content_type VARCHAR(32) NOT NULL,"
                    + " locale VARCHAR(16) NOT NULL,"
                    + " slug VARCHAR(120) NOT NULL,"
                    + " published_at TIMESTAMP,"
                    + " words TEXT NOT NULL"
                    + (postgres ? ", doc tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(words, ' '))) STORED" : "")
                    + ")");
            for (String index : COMMON) {
                ddl.execute(index);
            }
            if (postgres) {
                ddl.execute("CREATE INDEX entry_search_doc ON entry_search USING gin (doc)");
                // a list with a common word checks the tsvector row by row: kept in the row (compressed) rather than in
                // TOAST, a check reads one page instead of about four (bench, 10,000 exercises: 140 buffers, not 569)
                ddl.execute(TOAST_IN_ROW);
            }
        }
        try (PreparedStatement published = db.prepareStatement("SELECT e.id, e.content_type, e.locale, e.slug, e.published_at, r.content"
                + " FROM entry e JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision");
             PreparedStatement insert = db.prepareStatement(SearchIndex.INSERT)) {
            published.setFetchSize(500); // streamed (PostgreSQL would otherwise hold every published revision in memory)
            ResultSet rs = published.executeQuery();
            while (rs.next()) {
                SearchIndex.insert(insert, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                        rs.getString(6));
            }
        }
    }
}
