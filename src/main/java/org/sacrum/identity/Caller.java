package org.sacrum.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.sacrum.platform.ProblemException;

import java.security.Principal;

/** The person behind the current request, as Jakarta Security authenticated them. */
@RequestScoped
public class Caller {
    @Inject
    SecurityContext security;

    @Inject
    PersonService people;

    public Person person() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new ProblemException(org.sacrum.platform.Problem.of(401, "unauthenticated", "Unauthorized",
                    "Sign in with a token or password.", null));
        }
        return people.byUsername(principal.getName())
                .orElseThrow(() -> ProblemException.forbidden("Your account no longer exists."));
    }

    public boolean signedIn() {
        return security.getCallerPrincipal() != null;
    }
}
