package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.*;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A short plain text (common.schema.json#/$defs/shortText): not blank, at most 500 characters. Null passes. */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = TextLimits.SHORT)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ShortText {
    String message() default "must be 1 to 500 characters";

    String code() default "short-text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
