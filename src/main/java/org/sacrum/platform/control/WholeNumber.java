package org.sacrum.platform.control;

import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.RangeParam;
import org.sacrum.platform.entity.Violation;

import java.util.List;

/**
 * Whole-number parameters checked by hand where no bean is bound: path parameters and the delivery query parser. The
 * rules are those of {@link IntegerParam} and {@link RangeParam}, which check the query parameters bound with
 * {@code @BeanParam}: a client that sent "page=abc" or "page=99999999999" gets a 400 naming the parameter and its range.
 */
public final class WholeNumber {
    private WholeNumber() {
    }

    /** The broken rule when raw is not a whole number in [min, max] ("integer" or "range"), else null. */
    public static Violation check(String field, String raw, long min, long max) {
        if (raw == null || !IntegerParam.Check.isWholeNumber(raw)) {
            return new Violation(field, "integer", "must be a whole number from " + min + " to " + max);
        }
        return RangeParam.Check.inRange(raw, min, max) ? null : new Violation(field, "range", "must be from " + min + " to " + max);
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
