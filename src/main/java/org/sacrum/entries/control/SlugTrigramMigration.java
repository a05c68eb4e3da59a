package org.sacrum.entries.control;

import jakarta.enterprise.context.Dependent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.SQLException;

/**
 * V19 (issue #17): the link picker's {@code ?search=} tests the slug itself, not {@code LOWER(slug)}. Slugs are lower
 * case by their rule ({@code TextLimits.SLUG_PATTERN}) and the search text is lower-cased, so the answer is the same;
 * lower-casing every slug a page walks past cost as much as the walk (52,000 index entries before the first
 * {@code tilt} at 100,000 exercises: 27-35 ms with it, 10-17 ms without). The trigram index V16 made on the
 * expression is remade on the column, which the query now names. PostgreSQL only, and only where V16 could make
 * its index (pg_trgm installed); elsewhere nothing changes.
 */
@Dependent
public class SlugTrigramMigration implements JavaMigration {
    /** Matches EntryQueries.ofType's {@code slug LIKE}: the expression must be the same for the planner. */
    static final String INDEX = "CREATE INDEX entry_slug_trigram_plain ON entry USING gin (slug gin_trgm_ops)";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "slug search on the column";
    }

    @Override
    public Integer getChecksum() {
        return 19;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        TrigramIndex.create(context.getConnection(), INDEX, "DROP INDEX IF EXISTS entry_slug_trigram");
    }
}
