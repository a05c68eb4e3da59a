package org.sacrum.platform.boundary;

import org.sacrum.platform.control.ProblemResponses;
import org.sacrum.platform.entity.Problem;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;

/**
 * Enforces @RolesAllowed on JAX-RS resources against the caller Jakarta Security established:
 * 401 when nobody is signed in, 403 when the caller lacks every listed role. Both as problem+json.
 */
@Provider
public class RolesFilter implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Check(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final String[] roles;

        Check(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(ProblemResponses.of(Problem.unauthenticated("Sign in with a token or password.")));
                return;
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(ProblemResponses.of(Problem.forbidden(
                        "This needs one of the roles: " + String.join(", ", roles) + ".")));
            }
        }
    }
}
