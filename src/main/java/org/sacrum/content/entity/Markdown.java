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

/** CommonMark text (common.schema.json#/$defs/markdown), at most 20,000 characters. Null passes. */
@Documented
@Constraint(validatedBy = {})
@Size(min = 1, max = TextLimits.MARKDOWN)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Markdown {
    String message() default "must be 1 to 20000 characters of Markdown";

    String code() default "markdown";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
