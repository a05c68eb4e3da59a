package org.sacrum.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live under /api: /api/v1 (public delivery) and /api/manage (management). */
@ApplicationPath("/api")
@DeclareRoles({"reader", "author", "clinician", "publisher", "admin"})
public class SacrumApplication extends Application {
}
