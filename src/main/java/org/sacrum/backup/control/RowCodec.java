package org.sacrum.backup.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.backup.control.BackupTables.Column;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A table row to a line's fields and back. Instants are ISO-8601 UTC, converted the way the JPA entities store them. */
final class RowCodec {
    private RowCodec() {
    }

    static void read(ResultSet rs, int index, Column column, JsonObjectBuilder line) throws SQLException {
        String field = column.field();
        switch (column.type()) {
            case STRING -> {
                String v = rs.getString(index);
                if (v == null) line.addNull(field); else line.add(field, v);
            }
            case INT -> {
                int v = rs.getInt(index);
                if (rs.wasNull()) line.addNull(field); else line.add(field, v);
            }
            case LONG -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) line.addNull(field); else line.add(field, v);
            }
            case BOOL -> {
                boolean v = rs.getBoolean(index);
                if (rs.wasNull()) line.addNull(field); else line.add(field, v);
            }
            case TIMESTAMP -> {
                Timestamp v = rs.getTimestamp(index);
                if (v == null) line.addNull(field); else line.add(field, v.toInstant().toString());
            }
            case DATE -> {
                LocalDate v = rs.getObject(index, LocalDate.class);
                if (v == null) line.addNull(field); else line.add(field, v.toString());
            }
        }
    }

    /** Thrown when a line's field does not fit its column; the message says why. */
    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static void bind(PreparedStatement ps, int index, Column column, JsonObject line) throws SQLException {
        String field = column.field();
        if (!line.containsKey(field)) {
            throw new BadField(field, "is missing");
        }
        JsonValue value = line.get(field);
        if (value == JsonValue.NULL) {
            ps.setNull(index, sqlType(column));
            return;
        }
        switch (column.type()) {
            case STRING -> ps.setString(index, string(field, value));
            case INT -> ps.setInt(index, Math.toIntExact(integer(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE)));
            case LONG -> ps.setLong(index, integer(field, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case BOOL -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    throw new BadField(field, "must be true or false");
                }
                ps.setBoolean(index, value == JsonValue.TRUE);
            }
            case TIMESTAMP -> {
                try {
                    ps.setTimestamp(index, Timestamp.from(Instant.parse(string(field, value))));
                } catch (DateTimeParseException e) {
                    throw new BadField(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
                }
            }
            case DATE -> {
                try {
                    ps.setObject(index, LocalDate.parse(string(field, value)));
                } catch (DateTimeParseException e) {
                    throw new BadField(field, "must be a date such as 2026-01-31");
                }
            }
        }
    }

    static int sqlType(Column column) {
        return switch (column.type()) {
            case STRING -> Types.VARCHAR;
            case INT -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case BOOL -> Types.BOOLEAN;
            case TIMESTAMP -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
        };
    }

    /** Binds a value as read by ResultSet.getObject (this instance's own rows), typed even when null. */
    static void bindRaw(PreparedStatement ps, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(column));
        } else {
            ps.setObject(index, value, sqlType(column));
        }
    }

    static String string(String field, JsonValue value) {
        if (!(value instanceof JsonString s)) {
            throw new BadField(field, "must be a string");
        }
        return s.getString();
    }

    private static long integer(String field, JsonValue value, long min, long max) {
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadField(field, "must be an integer");
        }
        try {
            long v = n.longValueExact();
            if (v < min || v > max) {
                throw new BadField(field, "is out of range");
            }
            return v;
        } catch (ArithmeticException e) {
            throw new BadField(field, "is out of range");
        }
    }
}
