package org.sacrum.platform.control;

import org.sacrum.platform.entity.Problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place a problem becomes an HTTP response, for JAX-RS (the exception mapper, filters) and for the servlet
 * layer (the authentication mechanism, the container's error page): same JSON-B serialisation, a
 * WWW-Authenticate challenge on every 401 and Retry-After when given.
 */
public final class ProblemResponses {
    /** The challenge every 401 carries: both schemes Sacrum accepts. */
    public static final String CHALLENGE = "Bearer realm=\"sacrum\", Basic realm=\"sacrum\"";
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return of(problem, 0);
    }

    public static Response of(Problem problem, long retryAfterSeconds) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", CHALLENGE);
        }
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return response.build();
    }

    /** The problem with extension members besides the standard ones (RFC 9457 section 3.2), for a response to finish. */
    public static Response.ResponseBuilder withMembers(Problem problem, jakarta.json.JsonObject members) {
        jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(json(problem))).readObject());
        members.forEach(body::add);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body.build().toString());
    }

    /** Writes the problem as the whole servlet response; the caller has checked it is not committed. */
    public static void write(HttpServletResponse response, Problem problem, long retryAfterSeconds) {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        try {
            response.getWriter().write(json(problem));
            response.getWriter().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem as JAX-RS writes it (JSON-B, property order of {@link Problem}, no nulls). */
    public static String json(Problem problem) {
        return JSONB.toJson(problem);
    }
}
