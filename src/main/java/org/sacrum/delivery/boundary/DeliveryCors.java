package org.sacrum.delivery.boundary;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access to the public delivery API, so that a front-end site's own pages (a single-page app, a
 * mobile web view) can read it from the browser. Any origin may read: the content is public and no cookie ever
 * signs anyone in. A preview carries an Authorization header, which the preflight allows; the management API
 * sends no such headers and stays same-origin.
 */
final class DeliveryCors {
    private static final String EXPOSED = "ETag, Last-Modified, Link, X-Total-Count, X-Sacrum-Cache, X-Sacrum-Preview, X-Sacrum-As-Of";

    private DeliveryCors() {
    }

    /** Adds the headers every delivery response carries. */
    static void allow(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);
    }

    /** Answers a preflight (any OPTIONS request here): GET with the conditional and authorization headers, for a day. */
    static void answerPreflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, If-None-Match, If-Modified-Since");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
