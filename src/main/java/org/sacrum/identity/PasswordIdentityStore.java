package org.sacrum.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.HashSet;
import java.util.Set;

/** Checks a username and password against the person table. */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {
    @Inject
    PersonService people;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return people.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(p -> new CredentialValidationResult(p.username(), groups(p.roles())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** Everyone signed in may read management views; the other groups are the person's roles. */
    static Set<String> groups(Set<Role> roles) {
        Set<String> groups = new HashSet<>();
        groups.add(Roles.READER);
        roles.forEach(r -> groups.add(r.id()));
        return groups;
    }
}
