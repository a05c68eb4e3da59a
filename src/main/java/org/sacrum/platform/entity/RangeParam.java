package org.sacrum.platform.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole-number query parameter (bound as a String, see {@link IntegerParam}) from min to max (rule {@code range}).
 * Absent and non-numbers are valid here: {@link IntegerParam} reports the latter.
 */
@Documented
@Constraint(validatedBy = RangeParam.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RangeParam {
    long min();

    long max();

    String message() default "must be from {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule reported (see {@link Violations}). */
    String code() default "range";

    final class Check implements ConstraintValidator<RangeParam, String> {
        private long min;
        private long max;

        @Override
        public void initialize(RangeParam range) {
            min = range.min();
            max = range.max();
        }

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            return raw == null || !IntegerParam.Check.isWholeNumber(raw) || inRange(raw, min, max);
        }

        /** Whether a whole number is from min to max; one too large for a long is not. */
        public static boolean inRange(String wholeNumber, long min, long max) {
            try {
                long value = Long.parseLong(wholeNumber);
                return value >= min && value <= max;
            } catch (NumberFormatException tooLarge) {
                return false;
            }
        }
    }
}
