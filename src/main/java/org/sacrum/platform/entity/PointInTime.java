package org.sacrum.platform.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} of a point-in-time read: an ISO-8601 instant with an offset ("2026-03-03T10:00:00Z",
 * "2026-03-03T11:00:00+01:00"), bounded in length and to 1970..9999, and not after now (the future has no history yet).
 */
public final class PointInTime {
    public static final int MAX_LENGTH = 40;
    private static final Instant EARLIEST = Instant.EPOCH;
    /** Beyond any database timestamp's trouble; the clock refuses the future anyway. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private PointInTime() {
    }

    /** The instant, or null when {@code raw} is no bounded ISO-8601 instant (see {@link #check}). */
    public static Instant parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(raw.strip()).toInstant();
            return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The broken rule of the field's value, or null: not-instant when unparseable, not-future after {@code now} (null: unchecked). */
    public static Violation check(String field, String raw, Instant now) {
        Instant at = parse(raw);
        if (at == null) {
            String hint = raw != null && raw.contains(" ") ? " (a '+' in a query string must be sent as %2B)" : "";
            return new Violation(field, "instant", "must be an ISO-8601 instant with an offset, such as 2026-03-03T10:00:00Z,"
                    + " from 1970 to 9999, at most " + MAX_LENGTH + " characters" + hint);
        }
        if (now != null && at.isAfter(now)) {
            return new Violation(field, "not-future", "must not be in the future (now is " + now + ")");
        }
        return null;
    }
}
