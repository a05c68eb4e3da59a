package org.sacrum.entries.entity;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.sacrum.platform.control.UniqueKeys;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a unique violation of the one named key becomes slug-taken; every other database failure stays an error. */
class UniqueKeyViolationTest {

    static PersistenceException wrapped(SQLException cause) {
        return new PersistenceException("flush failed", new RuntimeException("database exception", cause));
    }

    @Test
    void theSlugKeyIsRecognisedOnH2AndPostgreSql() {
        SQLException h2 = new SQLException("Unique index or primary key violation: \"PUBLIC.ENTRY_SLUG_UNIQUE_INDEX_4 ON "
                + "PUBLIC.ENTRY(CONTENT_TYPE NULLS FIRST, SLUG NULLS FIRST, LOCALE NULLS FIRST)\"", "23505", 23505);
        SQLException postgres = new SQLException("ERROR: duplicate key value violates unique constraint \"entry_slug_unique\"",
                "23505");
        assertTrue(UniqueKeys.violated(wrapped(h2), "entry_slug_unique"));
        assertTrue(UniqueKeys.violated(wrapped(postgres), "entry_slug_unique"));
    }

    @Test
    void otherKeysAndOtherFailuresAreNotASlugConflict() {
        SQLException otherKey = new SQLException("duplicate key value violates unique constraint \"revision_number_unique\"", "23505");
        SQLException foreignKey = new SQLException("violates foreign key constraint on entry_slug_unique", "23503");
        assertFalse(UniqueKeys.violated(wrapped(otherKey), "entry_slug_unique"));
        assertFalse(UniqueKeys.violated(wrapped(foreignKey), "entry_slug_unique"));
        assertFalse(UniqueKeys.violated(new PersistenceException("no cause"), "entry_slug_unique"));
    }
}
