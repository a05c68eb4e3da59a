package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;

import static java.lang.annotation.ElementType.*;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** Each stage appears at most once in an exercise's stage notes. */
@Documented
@Constraint(validatedBy = UniqueStages.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface UniqueStages {
    String message() default "must not list the same stage twice";

    String code() default "unique-stages";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UniqueStages, List<StageNote>> {
        @Override
        public boolean isValid(List<StageNote> notes, ConstraintValidatorContext context) {
            return notes == null || notes.stream().filter(Objects::nonNull).map(StageNote::stage).distinct().count()
                    == notes.stream().filter(Objects::nonNull).count();
        }
    }
}
