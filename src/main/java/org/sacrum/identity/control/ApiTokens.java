package org.sacrum.identity.control;

import org.sacrum.platform.control.Hashes;

import org.sacrum.identity.entity.ApiToken;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Scope;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, checks and revokes personal API tokens. A revoked token fails on its very next request. */
@Stateless
public class ApiTokens {
    public static final String PREFIX = "sacrum_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    /** A new token: the returned secret is the only time it exists outside a hash. */
    public Issued issue(Person owner, String name, Set<Scope> scopes, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(owner.id(), name, Hashes.sha256(secret), scopes, expiresAt);
        em.persist(token);
        return new Issued(token, secret);
    }

    public Optional<ApiToken> find(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", Hashes.sha256(secret))
                .getResultStream().findFirst();
    }

    public Optional<ApiToken> byId(String id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    public List<ApiToken> of(Person person) {
        return em.createNamedQuery("ApiToken.ofPerson", ApiToken.class).setParameter("person", person.id()).getResultList();
    }

    public record Issued(ApiToken token, String secret) {
    }
}
