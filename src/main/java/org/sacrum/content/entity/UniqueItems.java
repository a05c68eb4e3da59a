package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;

import static java.lang.annotation.ElementType.*;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** No value twice in a list (JSON Schema's uniqueItems). */
@Documented
@Constraint(validatedBy = UniqueItems.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface UniqueItems {
    String message() default "must not list the same value twice";

    String code() default "unique-items";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UniqueItems, List<?>> {
        @Override
        public boolean isValid(List<?> values, ConstraintValidatorContext context) {
            return values == null || new HashSet<>(values).size() == values.size();
        }
    }
}
