package org.sacrum.audit.boundary;

import org.sacrum.platform.boundary.ProblemMappers;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Query parameters bound with @BeanParam: Bean Validation names the parameter and the rule, and the mapper makes it a 400. */
class AuditQueryTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static AuditQuery query(String after, String limit) {
        AuditQuery query = new AuditQuery();
        query.after = after;
        query.limit = limit;
        return query;
    }

    private static List<Violation> violations(String after, String limit) {
        return Violations.of(VALIDATOR.validate(query(after, limit)));
    }

    @Test
    void absentParametersTakeTheirDefaults() {
        assertEquals(List.of(), violations(null, null));
        assertEquals(0, query(null, null).after());
        assertEquals(100, query(null, null).limit());
        assertEquals(List.of(), violations("0", "1000"));
        assertEquals(Long.MAX_VALUE, query(Long.toString(Long.MAX_VALUE), "1").after());
    }

    @Test
    void aBadLimitIsRefusedNotClamped() {
        assertEquals(List.of(new Violation("limit", "range", "must be from 1 to 1000")), violations(null, "1001"));
        assertEquals("range", violations(null, "0").get(0).rule());
        assertEquals("range", violations(null, "99999999999999999999").get(0).rule());
        assertEquals("integer", violations(null, "lots").get(0).rule());
        assertEquals("integer", violations(null, "").get(0).rule());
        assertEquals("integer", violations(null, "1.5").get(0).rule());
        assertEquals(List.of(new Violation("after", "integer", "must be a whole number")), violations("yesterday", null));
        assertEquals("range", violations("-1", null).get(0).rule());
    }

    @Test
    void violationsOfAResourceMethodsQueryAreA400InvalidQueryNamingTheParameter() throws Exception {
        Set<ConstraintViolation<AuditResource>> found = VALIDATOR.forExecutables().validateParameters(new AuditResource(),
                AuditResource.class.getMethod("read", AuditQuery.class), new Object[]{query("x", "0")});
        Response response = new ProblemMappers().toResponse(new ConstraintViolationException(found));
        Problem problem = (Problem) response.getEntity();
        assertEquals(400, response.getStatus());
        assertEquals("https://sacrum.dev/problems/invalid-query", problem.type());
        assertEquals(List.of(new Violation("after", "integer", "must be a whole number"),
                new Violation("limit", "range", "must be from 1 to 1000")), problem.violations());
    }
}
