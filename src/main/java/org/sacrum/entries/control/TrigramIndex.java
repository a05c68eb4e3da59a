package org.sacrum.entries.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The management search's trigram index on PostgreSQL (V16, remade on the slug column by V19). pg_trgm is a trusted
 * extension (PostgreSQL 13+: the database owner may create it); where it cannot be created the search stays correct,
 * only slower, and the log says how to add the index. H2 has no such index and needs none to be correct.
 */
final class TrigramIndex {
    private static final Logger LOG = Logger.getLogger(TrigramIndex.class.getName());

    private TrigramIndex() {
    }

    /** Runs the index's DDL (then the statements after it) on PostgreSQL; elsewhere, or refused, nothing changes. */
    static void create(Connection db, String index, String... after) throws SQLException {
        if (!"PostgreSQL".equals(db.getMetaData().getDatabaseProductName())) {
            return;
        }
        Savepoint before = db.setSavepoint();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            ddl.execute(index);
            for (String statement : after) {
                ddl.execute(statement);
            }
            db.releaseSavepoint(before);
        } catch (SQLException refused) { // a failed statement would abort the migration's transaction: undo to the savepoint
            db.rollback(before);
            LOG.warning(() -> "No trigram index for the management search (" + refused.getMessage()
                    + "): ?search= stays correct but reads every slug of a type; run CREATE EXTENSION pg_trgm as a superuser and "
                    + index);
        }
    }
}
