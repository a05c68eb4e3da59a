package org.sacrum.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's folders (and the API explorer's) asked for without their slash. The container would redirect them itself, to an absolute
 * URL built from the Host header and with an HTML body; an exact mapping wins over that, and sends a path instead.
 */
@WebServlet(urlPatterns = {"/console", "/console/js", "/openapi/ui"})
public class FolderRedirect extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + request.getServletPath() + "/");
    }
}
