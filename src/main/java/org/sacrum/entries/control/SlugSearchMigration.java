package org.sacrum.entries.control;

import jakarta.enterprise.context.Dependent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * V16 (issue #17): the management list's {@code ?search=} (slug contains, any case) through a trigram index on
 * PostgreSQL, so a rare term no longer walks every slug of the type (2.1 s at 100,000 entries). pg_trgm is a trusted
 * extension (PostgreSQL 13+: the database owner may create it); where it cannot be created the search stays correct,
 * only slower, and the log says so. H2 has no such index and needs none to be correct. On both databases: an index on
 * the publication's approval, through which a warning's back-links at an instant are read from the approvals' link
 * manifests instead of from every revision public then.
 */
@Dependent
public class SlugSearchMigration implements JavaMigration {
    /** What EntryQueries.ofType tested until V19 ({@code LOWER(slug) LIKE}), which remakes the index on the column. */
    static final String INDEX = "CREATE INDEX entry_slug_trigram ON entry USING gin (lower(slug) gin_trgm_ops)";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16");
    }

    @Override
    public String getDescription() {
        return "slug search and back-link indexes";
    }

    @Override
    public Integer getChecksum() {
        return 16;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE INDEX publication_approval ON publication (approval_id)");
        }
        TrigramIndex.create(db, INDEX);
    }
}
