package org.sacrum.platform.control;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL) among the causes of a failed flush. */
public final class UniqueKeys {
    private UniqueKeys() {
    }

    /** Whether the failure is a unique violation of the key whose name contains this text (any unique key when null). */
    public static boolean violated(Throwable thrown, String key) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && (key == null || sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(key))) {
                return true;
            }
        }
        return false;
    }
}
