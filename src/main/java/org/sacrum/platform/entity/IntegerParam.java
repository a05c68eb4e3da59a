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
 * A query parameter bound as a String that must be a whole number (rule {@code integer}): an optional minus sign and
 * 1 to 20 digits. Absent is valid. Bound as a String because JAX-RS answers 404 when it cannot convert an int.
 */
@Documented
@Constraint(validatedBy = IntegerParam.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IntegerParam {
    String message() default "must be a whole number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule reported (see {@link Violations}). */
    String code() default "integer";

    final class Check implements ConstraintValidator<IntegerParam, String> {
        /** Digits enough for any long, and one more (so 20 digits is "range", not "integer"). */
        static final int MAX_DIGITS = 19;

        @Override
        public boolean isValid(String raw, ConstraintValidatorContext context) {
            return raw == null || isWholeNumber(raw);
        }

        public static boolean isWholeNumber(String raw) {
            return !raw.isEmpty() && raw.length() <= MAX_DIGITS + 1 && raw.matches("-?[0-9]+");
        }
    }
}
