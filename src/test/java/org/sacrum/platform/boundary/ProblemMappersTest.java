package org.sacrum.platform.boundary;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of exception leaves as application/problem+json with a status and a stable rule code, found through wrappers. */
class ProblemMappersTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Step(@NotBlank String text) {
    }

    record Person(@NotBlank @Size(max = 5) String username, @Email String email, List<@Valid Step> steps, List<@Size(max = 3) String> tags) {
    }

    static ConstraintViolationException invalid() {
        Set<jakarta.validation.ConstraintViolation<Person>> violations = VALIDATOR.validate(
                new Person("", "not-an-email", List.of(new Step("ok"), new Step(" ")), List.of("ok", "toolong")));
        assertEquals(4, violations.size(), violations.toString());
        return new ConstraintViolationException(violations);
    }

    static String rule(Problem p) {
        return p.type().substring(p.type().lastIndexOf('/') + 1);
    }

    @Test
    void aProblemExceptionIsItsProblem() {
        ProblemException thrown = ProblemException.unprocessable("password-strength", "Too weak.",
                List.of(new Violation("password", "password-strength", "too common")));
        Problem p = ProblemMappers.toProblem(thrown);
        assertSame(thrown.problem(), p);
        assertEquals(422, p.status());
        assertEquals("https://sacrum.dev/problems/password-strength", p.type());
        assertEquals(List.of(new Violation("password", "password-strength", "too common")), p.violations());
    }

    @Test
    void theFactoriesGiveTheirStatus() {
        assertEquals(404, ProblemException.notFound("x").problem().status());
        assertEquals(400, ProblemException.badRequest("invalid-query", "x", null).problem().status());
        assertEquals(409, ProblemException.conflict("last-active-admin", "x", null).problem().status());
        assertEquals(403, ProblemException.forbidden("x").problem().status());
        assertEquals(413, ProblemException.payloadTooLarge("body-too-large", "x", null).problem().status());
        assertEquals(429, ProblemException.throttled(60, "x").problem().status());
        assertEquals("throttled", rule(ProblemException.throttled(60, "x").problem()));
        assertEquals("not-found", rule(ProblemException.notFound("x").problem()));
        assertEquals("forbidden", rule(ProblemException.forbidden("x").problem()));
        assertNull(ProblemException.badRequest("x", "y", List.of()).problem().violations(), "no empty violations list");
    }

    @Test
    void constraintViolationsAre400WithFieldPathsAndRuleCodes() {
        Problem p = ProblemMappers.toProblem(invalid());
        assertEquals(400, p.status());
        assertEquals("validation", rule(p));
        assertEquals("The request breaks 4 rule(s).", p.detail());
        assertEquals(List.of("email:email", "steps[1].text:not-blank", "tags[1]:size", "username:not-blank"),
                p.violations().stream().map(v -> v.field() + ":" + v.rule()).toList(), "sorted by field, then rule");
        assertTrue(p.violations().stream().allMatch(v -> v.message() != null && !v.message().isBlank()));
    }

    /** A resource method validated by Bean Validation: method and parameter nodes are not part of the field. */
    static class Resource {
        public void create(@Valid Person person, @org.sacrum.content.entity.Slug String slug) {
        }
    }

    @Test
    void parameterViolationsNameTheJsonFieldAndCustomConstraintsTheirCode() throws NoSuchMethodException {
        java.lang.reflect.Method create = Resource.class.getMethod("create", Person.class, String.class);
        Set<jakarta.validation.ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables().validateParameters(new Resource(), create,
                new Object[]{new Person("toolongname", null, List.of(new Step("")), null), "Not A Slug"});
        Problem p = ProblemMappers.toProblem(new ConstraintViolationException(violations));
        assertEquals(List.of("steps[0].text:not-blank", "username:size"), p.violations().stream()
                .filter(v -> !v.rule().equals("slug")).map(v -> v.field() + ":" + v.rule()).toList(), "no 'create.person.' prefix");
        assertEquals(1, p.violations().stream().filter(v -> v.rule().equals("slug")).count(),
                "a custom constraint reports its code ('slug'), a built-in one its kebab-case name: " + p.violations());
    }

    @Test
    void constraintViolationsRaisedAtCommitAreUnwrapped() {
        Throwable atCommit = new EJBException(new RollbackException("Transaction rolled back", invalid()));
        Problem p = ProblemMappers.toProblem(atCommit);
        assertEquals(400, p.status());
        assertEquals("validation", rule(p));
        assertEquals(4, p.violations().size());
        jakarta.transaction.RollbackException jta = new jakarta.transaction.RollbackException("rolled back");
        jta.initCause(new EJBException(invalid()));
        assertEquals("validation", rule(ProblemMappers.toProblem(new EJBException(jta))));
        assertEquals(422, ProblemMappers.toProblem(new EJBException(new RollbackException(
                ProblemException.unprocessable("x", "y", null)))).status());
    }

    @Test
    void aConcurrentChangeIs412() {
        Problem p = ProblemMappers.toProblem(new EJBException(new RollbackException(new OptimisticLockException("version 3 != 4"))));
        assertEquals(412, p.status());
        assertEquals("stale-version", rule(p));
        assertFalse(p.detail().contains("version 3"), "no persistence internals in the answer");
    }

    @Test
    void malformedJsonIs400NamingTheRootCause() {
        Problem bind = ProblemMappers.toProblem(new BadRequestException(new JsonbException("Unable to deserialize", new IllegalStateException("Unexpected char 39 at (line no=1, column no=2)"))));
        assertEquals(400, bind.status());
        assertEquals("malformed-json", rule(bind));
        assertEquals(List.of(new Violation("", "malformed-json", "Unexpected char 39 at (line no=1, column no=2)")), bind.violations());
        JsonParsingException parsing = new JsonParsingException("Unexpected EOF", null);
        assertEquals("malformed-json", rule(ProblemMappers.toProblem(parsing)));
    }

    @Test
    void jaxRsExceptionsKeepTheirStatus() {
        assertProblem(ProblemMappers.toProblem(new NotFoundException()), 404, "http-404");
        assertProblem(ProblemMappers.toProblem(new NotAllowedException("GET")), 405, "http-405");
        assertProblem(ProblemMappers.toProblem(new NotSupportedException()), 415, "http-415");
        assertProblem(ProblemMappers.toProblem(new ForbiddenException()), 403, "http-403");
        assertProblem(ProblemMappers.toProblem(new NotAuthorizedException("Bearer")), 401, "http-401");
        assertProblem(ProblemMappers.toProblem(new BadRequestException()), 400, "http-400");
        assertEquals("Method Not Allowed", ProblemMappers.toProblem(new NotAllowedException("GET")).title());
    }

    @Test
    void aBadRequestWithAnUnrecognisedCauseStaysA400() {
        // e.g. a header or form parameter that cannot be converted: Jersey wraps the converter's exception
        assertProblem(ProblemMappers.toProblem(new BadRequestException(new NumberFormatException("For input string: \"x\""))), 400, "http-400");
        assertProblem(ProblemMappers.toProblem(new BadRequestException(new IllegalArgumentException(new IllegalStateException()))), 400, "http-400");
    }

    @Test
    void aProblemWrappedInAJaxRsExceptionIsTheProblem() {
        ProblemException inner = ProblemException.conflict("slug-taken", "Taken.", null);
        assertSame(inner.problem(), ProblemMappers.toProblem(new jakarta.ws.rs.WebApplicationException(inner, 500)));
    }

    @Test
    void anythingElseIsA500ThatRevealsNothing() {
        Problem p = ProblemMappers.toProblem(new NullPointerException("Cannot invoke \"org.sacrum.Secret.x()\""));
        assertProblem(p, 500, "internal");
        assertFalse(p.detail().contains("Secret"));
        assertNull(p.violations());
        assertProblem(ProblemMappers.toProblem(new EJBException(new IllegalStateException("db down"))), 500, "internal");
    }

    private static void assertProblem(Problem p, int status, String rule) {
        assertEquals(status, p.status(), p.toString());
        assertEquals(rule, rule(p), p.toString());
    }

    // --- the response ---

    private static Response respond(Throwable thrown) {
        Logger log = Logger.getLogger(ProblemMappers.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF); // the 500s below are logged as SEVERE on purpose; keep the build output clean
        try {
            return new ProblemMappers().toResponse(thrown);
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void theResponseIsProblemJsonWithTheProblemAsEntity() {
        Response r = respond(ProblemException.notFound("No published exercise 'x'."));
        assertEquals(404, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        Problem entity = (Problem) r.getEntity();
        assertEquals("No published exercise 'x'.", entity.detail());
        assertNull(entity.instance(), "no request, no instance");
        assertNull(r.getHeaderString("Retry-After"));
        assertNull(r.getHeaderString("WWW-Authenticate"));
        assertEquals(500, respond(new IllegalStateException("boom")).getStatus());
        assertEquals(Problem.MEDIA_TYPE, respond(new IllegalStateException("boom")).getMediaType().toString());
    }

    @Test
    void aThrottledAnswerSaysWhenToRetryEvenWhenWrapped() {
        Response r = respond(new EJBException(ProblemException.throttled(840, "Too many failed sign-ins.")));
        assertEquals(429, r.getStatus());
        assertEquals("840", r.getHeaderString("Retry-After"));
    }

    @Test
    void a401ChallengesForBothSchemes() {
        Response r = respond(new NotAuthorizedException("Bearer"));
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"sacrum\", Basic realm=\"sacrum\"", r.getHeaderString("WWW-Authenticate"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    }

    @Test
    void theInstanceIsTheRequestPath() {
        Problem p = ProblemMappers.toProblem(ProblemException.notFound("x")).at("/api/v1/exercises/x");
        assertEquals("/api/v1/exercises/x", p.instance());
        assertEquals(404, p.status());
    }
}
