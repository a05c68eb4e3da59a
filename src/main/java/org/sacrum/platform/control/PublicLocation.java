package org.sacrum.platform.control;


import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.Optional;

/**
 * A Location header never reflects the request's Host header. Resources answer with a path from Sacrum's root
 * ("/api/manage/..."); it leaves as that path under the WAR's context path, relative, or made absolute with the
 * operator's configured public base URL ({@code sacrum.public-base-url}, SACRUM_PUBLIC_BASE_URL), e.g.
 * https://cms.example.org. Jersey's own resolution against the request is off (SacrumApplication).
 */
@Provider
public class PublicLocation implements ContainerResponseFilter {
    private final Optional<String> publicBaseUrl = ConfigProvider.getConfig().getOptionalValue("sacrum.public-base-url", String.class);

    @Context
    ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    resolve(publicBaseUrl.orElse(null), servletContext.getContextPath(), URI.create(location.toString())));
        }
    }

    /** A path from Sacrum's root under the context path, against the base URL if one is set; an absolute URI keeps only its path. */
    static String resolve(String baseUrl, String contextPath, URI location) {
        String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        if (!location.isAbsolute() && contextPath != null && !contextPath.isEmpty() && !contextPath.equals("/")) {
            path = contextPath + path;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return path;
        }
        String base = baseUrl.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
