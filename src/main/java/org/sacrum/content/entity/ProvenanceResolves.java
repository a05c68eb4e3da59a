package org.sacrum.content.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Every provenance record names a field of its own content type and cites only citations the entry has. A server
 * rule like the topic taxonomy: JSON Schema cannot compare an index with the length of another array.
 */
@Documented
@Constraint(validatedBy = ProvenanceResolves.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ProvenanceResolves {
    String message() default "provenance must name a field of this type and cite only the entry's sources";

    String code() default "provenance-resolves";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ProvenanceResolves, Content> {
        @Override
        public boolean isValid(Content content, ConstraintValidatorContext context) {
            List<FieldProvenance> provenance = content == null ? null : content.provenance();
            if (provenance == null) {
                return true;
            }
            List<String> fields = Arrays.stream(content.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
            int sources = content.sources() == null ? 0 : content.sources().size();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < provenance.size(); i++) {
                FieldProvenance p = provenance.get(i);
                if (p == null || p.field() == null) {
                    continue;
                }
                if (!fields.contains(p.topField())) {
                    valid = fail(context, i, "field " + p.topField() + " is not a field of this content type");
                }
                if (p.citations() != null && p.citations().stream().anyMatch(c -> c != null && c >= sources)) {
                    valid = fail(context, i, "cites a source index beyond the entry's " + sources + " source(s)");
                }
            }
            return valid;
        }

        private static boolean fail(ConstraintValidatorContext context, int index, String message) {
            context.buildConstraintViolationWithTemplate("provenance[" + index + "]: " + message)
                    .addPropertyNode("provenance").addConstraintViolation();
            return false;
        }
    }
}
