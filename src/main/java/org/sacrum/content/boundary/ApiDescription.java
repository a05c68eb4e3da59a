package org.sacrum.content.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sacrum.platform.control.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GET /openapi: the hand-written OpenAPI 3.1 document (META-INF/openapi.yaml) byte for byte. Payara's own OpenAPI
 * service is turned off and moved off /openapi (deploy/payara/hardening-preboot.asadmin): it reads the document into a
 * 3.0 model and appends an "endpoints" property that OpenAPI does not allow, and, merely disabled, it still holds the
 * /openapi context (403, and /openapi/ui would never reach this WAR). The content schemas are referred to relative to
 * this URL (api/v1/schemas/{name}), so the document works under any context root.
 */
@WebServlet("/openapi")
public class ApiDescription extends HttpServlet {
    static final String MEDIA_TYPE = "application/yaml";
    /** The document changes only with a new deployment of Sacrum. */
    static final String CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";
    private final byte[] body = read();
    private final String etag = "\"" + Hashes.sha256(new String(body, StandardCharsets.UTF_8)).substring(0, 32) + "\"";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Access-Control-Allow-Origin", "*"); // like the delivery API: a site's tooling may read it
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] read() {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
