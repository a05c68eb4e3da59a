package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

import static java.lang.annotation.ElementType.*;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** Every topic is one of the taxonomy in content-model/topics.json. */
@Documented
@Constraint(validatedBy = KnownTopics.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface KnownTopics {
    String message() default "must name topics from the taxonomy (GET /api/v1/topics)";

    String code() default "known-topic";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownTopics, List<String>> {
        @Override
        public boolean isValid(List<String> topics, ConstraintValidatorContext context) {
            if (topics == null) {
                return true;
            }
            List<String> unknown = topics.stream().filter(t -> t != null && !ContentModelData.current().taxonomy().contains(t)).toList();
            if (unknown.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // only slug-shaped values are echoed: nothing a caller sends reaches the message interpolator
            List<String> named = unknown.stream().filter(t -> t.matches(TextLimits.SLUG_PATTERN)).toList();
            context.buildConstraintViolationWithTemplate("unknown topic(s) " + String.join(", ", named)
                    + "; must name topics from the taxonomy (GET /api/v1/topics)").addConstraintViolation();
            return false;
        }
    }
}
