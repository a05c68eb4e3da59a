package org.sacrum.platform.boundary;

import org.sacrum.platform.control.ProblemResponses;
import org.sacrum.platform.entity.Problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web container's error page (web.xml): whatever the container answers itself (a path no servlet serves,
 * an error raised in a servlet filter, a status set with sendError) leaves as problem+json, like the API's
 * own errors, never as Payara's HTML report. Reached only by the container's error dispatch; called directly
 * it answers 404.
 */
public class ErrorPage extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code instanceof Integer c && c >= 400 && c <= 599 ? c : 404;
        if (code == null && thrown == null) {
            uri = request.getRequestURI(); // called directly, not as an error page
        }
        Problem problem;
        if (thrown instanceof Throwable t && (status == 500 || code == null)) {
            problem = ProblemMappers.toProblem(t);
            if (problem.status() >= 500) {
                LOG.log(Level.SEVERE, "Unhandled error on " + uri, t);
            }
        } else {
            problem = of(status);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ProblemResponses.write(response, problem.at(uri == null ? null : uri.toString()), 0);
    }

    /** The container's own statuses with a detail that names the rule broken; no container message is echoed. */
    static Problem of(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "http-400", "Bad request", "The request is malformed.", null);
            case 401 -> Problem.unauthenticated("Sign in with a bearer token or a password.");
            case 403 -> Problem.forbidden("You may not do this.");
            case 404 -> Problem.of(404, "not-found", "Not found", "Nothing is served at this path.", null);
            case 405 -> Problem.of(405, "http-405", "Method not allowed", "This path does not accept this method.", null);
            case 406 -> Problem.of(406, "http-406", "Not acceptable", "This path cannot answer in the media type asked for.", null);
            case 413 -> Problem.of(413, "http-413", "Content too large", "The request body is too large.", null);
            case 414 -> Problem.of(414, "http-414", "URI too long", "The request URL is too long.", null);
            case 415 -> Problem.of(415, "http-415", "Unsupported media type", "This path does not accept this body's media type.", null);
            case 431 -> Problem.of(431, "http-431", "Request header fields too large", "A request header is too large.", null);
            default -> status >= 500
                    ? Problem.of(status, "internal", "Internal server error", "Something went wrong on our side; it has been logged.", null)
                    : Problem.of(status, "http-" + status, "Request refused", "The server refused the request (HTTP " + status + ").", null);
        };
    }
}
