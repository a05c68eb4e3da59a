package org.sacrum.entries.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A class-level constraint on a {@link Transition}: one named rule of the clinical workflow. */
@Documented
@Constraint(validatedBy = WorkflowConstraint.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@Repeatable(WorkflowConstraint.List.class)
public @interface WorkflowConstraint {
    WorkflowRules value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @interface List {
        WorkflowConstraint[] value();
    }

    class Validator implements ConstraintValidator<WorkflowConstraint, Transition> {
        private WorkflowRules rule;

        @Override
        public void initialize(WorkflowConstraint annotation) {
            this.rule = annotation.value();
        }

        @Override
        public boolean isValid(Transition transition, ConstraintValidatorContext context) {
            if (transition == null || rule.holds(transition)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (rule == WorkflowRules.LINKED_REVISIONS_CURRENT) { // one violation per changed link, naming it
                rule.linkViolations(transition).forEach(v -> context.buildConstraintViolationWithTemplate(v.message())
                        .addPropertyNode(v.field()).addConstraintViolation());
                return false;
            }
            // rule messages are fixed text: no caller input reaches the message interpolator
            var builder = context.buildConstraintViolationWithTemplate(rule.messageFor(transition));
            if (rule.field().isEmpty()) {
                builder.addConstraintViolation();
            } else {
                builder.addPropertyNode(rule.field()).addConstraintViolation();
            }
            return false;
        }
    }
}
