package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.*;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A URL-safe identifier: lower-case words joined by single hyphens, 3 to 120 characters. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = TextLimits.SLUG_PATTERN)
@Size(min = 3, max = 120)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Slug {
    String message() default "must be 3-120 lower-case letters or digits in words joined by single hyphens";

    String code() default "slug";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
