package org.sacrum.platform.boundary;

import org.sacrum.platform.control.ProblemResponses;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one exception mapper: every error leaves Sacrum as application/problem+json. Exceptions raised at
 * commit arrive wrapped (EJBException, RollbackException), so the cause chain is searched.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = toProblem(thrown);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Unhandled error on " + path(), thrown);
        }
        long retryAfter = 0;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p && p.retryAfterSeconds() > 0) {
                retryAfter = p.retryAfterSeconds();
                break;
            }
        }
        return ProblemResponses.of(problem.at(path()), retryAfter);
    }

    static Problem toProblem(Throwable thrown) {
        Problem badRequest = null; // a 400 from JAX-RS whose cause is searched for a better message, else it stands
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p.problem();
            }
            if (t instanceof ConstraintViolationException cve) {
                List<Violation> violations = Violations.of(cve.getConstraintViolations());
                if (cve.getConstraintViolations().stream().anyMatch(ProblemMappers::onParameter)) { // a @BeanParam's query
                    return Problem.of(400, "invalid-query", "Bad request", violations.size() == 1
                            ? violations.get(0).field() + " " + violations.get(0).message() + "."
                            : "The query breaks " + violations.size() + " rules.", violations);
                }
                return Problem.of(400, "validation", "Invalid request", "The request breaks "
                        + cve.getConstraintViolations().size() + " rule(s).", violations);
            }
            if (t instanceof OptimisticLockException) {
                return Problem.of(412, "stale-version", "Precondition failed",
                        "The entry was changed by someone else; fetch it again and reapply your change.", null);
            }
            if (t instanceof JsonParsingException || t instanceof JsonbException) {
                return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON for this endpoint.",
                        List.of(new Violation("", "malformed-json", String.valueOf(rootMessage(t)))));
            }
            if (t instanceof WebApplicationException wae && !(t.getCause() instanceof ProblemException)) {
                int status = wae.getResponse().getStatus();
                Problem problem = Problem.of(status, "http-" + status, wae.getResponse().getStatusInfo().getReasonPhrase(),
                        wae.getMessage(), null);
                if (status == 400 && t.getCause() != null) {
                    badRequest = badRequest != null ? badRequest : problem;
                    continue; // e.g. a JSON-B failure reading the body: look deeper for a better message
                }
                return problem;
            }
        }
        if (badRequest != null) {
            return badRequest; // a parameter that could not be converted, say: the client's fault, never a 500
        }
        return Problem.of(500, "internal", "Internal server error", "Something went wrong on our side; it has been logged.", null);
    }

    /** Whether Jersey found this checking a resource method's parameters (query parameters bound with @BeanParam). */
    private static boolean onParameter(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * Jersey maps ValidationException itself (not as problem+json) and prefers the mapper nearest the exception's
     * type, so the violations of @Valid @BeanParam queries are routed here, to the one mapping above.
     */
    @Provider
    public static class QueryViolations implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ConstraintViolationException thrown) {
            ProblemMappers mapper = new ProblemMappers();
            mapper.uriInfo = uriInfo;
            return mapper.toResponse(thrown);
        }
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
