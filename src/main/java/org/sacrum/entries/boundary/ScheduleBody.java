package org.sacrum.entries.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.entries.entity.Schedule;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The body of PUT /api/manage/{type}/{slug}/schedule: {"publishAt": instant|null, "unpublishAt": instant|null}. A
 * missing field is null (not scheduled); anything else than those two fields, or than ISO-8601 instants, is a 400.
 */
final class ScheduleBody {
    private static final Set<String> FIELDS = Set.of("publishAt", "unpublishAt");
    /** Longer than any ISO-8601 instant: a longer string is not parsed. */
    private static final int MAX_LENGTH = 40;

    private ScheduleBody() {
    }

    static Schedule read(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("body-missing", "A JSON body is required.", List.of(new Violation("", "required", "body is required")));
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                String shown = field.length() > 40 ? field.substring(0, 40) + "…" : field;
                throw ProblemException.badRequest("unknown-field", "The field '" + shown + "' is not part of this request.",
                        List.of(new Violation(shown, "unknown-field", "is not a known field; send publishAt and unpublishAt")));
            }
        }
        return new Schedule(instant(body, "publishAt"), instant(body, "unpublishAt"));
    }

    /** The field's instant, to the second (the schedule needs no finer time); null when absent or null. */
    private static Instant instant(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            if (value instanceof JsonString text && text.getString().length() <= MAX_LENGTH) {
                return Instant.parse(text.getString()).truncatedTo(ChronoUnit.SECONDS);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-body", field + " must be an ISO-8601 instant or null.",
                List.of(new Violation(field, "instant", "must be an ISO-8601 instant such as 2027-03-03T10:00:00Z, or null")));
    }
}
