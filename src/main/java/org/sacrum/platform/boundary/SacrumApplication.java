package org.sacrum.platform.boundary;

import org.sacrum.platform.control.PublicLocation;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** All REST resources live under /api: /api/v1 (public delivery) and /api/manage (management). */
@ApplicationPath("/api")
@DeclareRoles({"reader", "author", "clinician", "publisher", "admin"})
public class SacrumApplication extends Application {

    /**
     * No generated WADL (/api/application.wadl, or in answer to OPTIONS): it would describe every endpoint to anyone.
     * Relative Location headers stay relative: Jersey would otherwise resolve them against the request's Host
     * header ({@link PublicLocation} makes them absolute with the configured public base URL instead).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
