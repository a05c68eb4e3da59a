package org.sacrum.platform.control;

import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import jakarta.validation.Validator;

import java.util.List;

/**
 * Request bodies bound to records and checked with Bean Validation. A body that is missing or not JSON of the right
 * shape is a 400; a well-formed body that breaks a rule (a blank name, a value too long) is a 422 naming each field.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T> T valid(Validator validator, T body) {
        if (body == null) {
            throw ProblemException.badRequest("body-missing", "A JSON body is required.", List.of(new Violation("", "required", "body is required")));
        }
        List<Violation> violations = Violations.of(validator.validate(body));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return body;
    }

    /** 422 for a well-formed body whose values break these rules. */
    public static ProblemException invalid(List<Violation> violations) {
        return ProblemException.unprocessable("invalid-request", "The request breaks " + violations.size() + " rule(s).", violations);
    }
}
