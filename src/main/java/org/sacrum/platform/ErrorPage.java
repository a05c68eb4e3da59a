package org.sacrum.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container's error page (WEB-INF/web.xml): whatever fails outside JAX-RS's exception mapper (a servlet
 * filter, an Error thrown past Jersey, a path nothing serves) still answers application/problem+json, never
 * Payara's HTML page naming Java exceptions.
 */
@WebServlet("/error-problem")
public class ErrorPage extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404; // called directly: there is nothing here
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (thrown instanceof Throwable t) {
            status = 500;
            LOG.log(Level.SEVERE, "Unhandled error on " + uri, t);
        }
        Problem problem = status == 404
                ? Problem.of(404, "not-found", "Not found", "Nothing is served at this address.", null)
                : status >= 500
                ? Problem.of(status, "internal", "Internal server error", "Something went wrong on our side; it has been logged.", null)
                : Problem.of(status, "http-" + status, "Error", null, null);
        if (!response.isCommitted()) {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSONB.toJson(problem.at(uri == null ? null : uri.toString())));
        }
    }
}
