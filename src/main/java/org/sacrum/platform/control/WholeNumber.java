package org.sacrum.platform.control;

import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.List;

/**
 * Whole-number query and path parameters, bound as Strings and checked here: JAX-RS answers 404 when it cannot
 * convert a parameter bound as an int, and a client that sent "page=abc" or "page=99999999999" deserves a 400
 * naming the parameter and its range.
 */
public final class WholeNumber {
    static final int MAX_DIGITS = 19;

    private WholeNumber() {
    }

    /** The broken rule when raw is not a whole number in [min, max] ("integer" or "range"), else null. */
    public static Violation check(String field, String raw, long min, long max) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_DIGITS + 1 || !raw.matches("-?[0-9]+")) {
            return new Violation(field, "integer", "must be a whole number from " + min + " to " + max);
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException tooLarge) {
            return new Violation(field, "range", "must be from " + min + " to " + max);
        }
        return value < min || value > max ? new Violation(field, "range", "must be from " + min + " to " + max) : null;
    }

    /** raw as a whole number in [min, max], the default when absent; otherwise a 400 problem (invalid-query). */
    public static long parse(String field, String raw, long defaultValue, long min, long max) {
        if (raw == null) {
            return defaultValue;
        }
        Violation bad = check(field, raw, min, max);
        if (bad != null) {
            throw ProblemException.badRequest("invalid-query", field + " " + bad.message() + ".", List.of(bad));
        }
        return Long.parseLong(raw);
    }

    /** As {@link #parse}, for values that fit an int. */
    public static int parseInt(String field, String raw, int defaultValue, int min, int max) {
        return (int) parse(field, raw, defaultValue, min, max);
    }
}
