package org.sacrum.identity.control;

import org.sacrum.identity.entity.Scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.ProblemResponses;
import org.sacrum.platform.entity.Problem;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Authenticates API calls: "Authorization: Bearer <token>" (personal API tokens) or "Authorization: Basic"
 * (username and password). No header means anonymous: the delivery API is public, and management endpoints
 * answer 401 through their @RolesAllowed. Bad credentials are refused at once with a problem+json 401.
 */
@ApplicationScoped
public class SacrumAuthenticationMechanism implements HttpAuthenticationMechanism {
    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.doNothing();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result = identityStores.validate(new TokenCredential(header.substring(7).trim()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                result = withoutScopes(result, request);
            }
            return conclude(result, request, response, context, "The token is unknown, expired or revoked.");
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userAndPassword = decodeBasic(header.substring(6).trim());
            if (userAndPassword == null) {
                return refuse(request, response, Problem.unauthenticated("Malformed Basic credentials."), 0);
            }
            String username = userAndPassword[0];
            long locked = throttle.attempt(username); // counted before the check, cleared when it succeeds
            if (locked > 0) {
                return refuse(request, response, Problem.throttled("Too many failed sign-ins for this account; try again later."), locked);
            }
            CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, userAndPassword[1]));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(username);
            }
            return conclude(result, request, response, context, "Unknown username or wrong password.");
        }
        return refuse(request, response, Problem.unauthenticated("Unsupported authorization scheme; use Bearer or Basic."), 0);
    }

    private AuthenticationStatus conclude(CredentialValidationResult result, HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context, String failure) {
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        return refuse(request, response, Problem.unauthenticated(failure), 0);
    }

    /** Moves the token's scopes and id from its groups to request attributes, where {@link Caller} finds them. */
    private static CredentialValidationResult withoutScopes(CredentialValidationResult result, HttpServletRequest request) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Set<String> groups = new HashSet<>();
        for (String group : result.getCallerGroups()) {
            if (group.startsWith(TokenIdentityStore.SCOPE_GROUP)) {
                Scope.byId(group.substring(TokenIdentityStore.SCOPE_GROUP.length())).ifPresent(scopes::add);
            } else if (group.startsWith(TokenIdentityStore.ID_GROUP)) {
                request.setAttribute(Caller.TOKEN_ID, group.substring(TokenIdentityStore.ID_GROUP.length()));
            } else {
                groups.add(group);
            }
        }
        request.setAttribute(Caller.TOKEN_SCOPES, scopes);
        return new CredentialValidationResult(result.getCallerPrincipal(), groups);
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, Problem problem, long retryAfter) {
        ProblemResponses.write(response, problem.at(request.getRequestURI()), retryAfter);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
