package org.sacrum.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.sacrum.platform.entity.Ids;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, when issued. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.byHash", query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.ofPerson", query = "SELECT t FROM ApiToken t WHERE t.personId = :person ORDER BY t.createdAt")
public class ApiToken {
    @Id
    private String id;
    @Column(name = "person_id")
    private String personId;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    private String scopes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    public ApiToken(String personId, String name, String tokenHash, Set<Scope> scopes, Instant expiresAt) {
        this.id = Ids.next();
        this.personId = personId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.scopes = scopes.stream().map(Scope::id).sorted().collect(Collectors.joining(","));
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String personId() {
        return personId;
    }

    public String name() {
        return name;
    }

    public Set<Scope> scopes() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(",")).map(Scope::byId).forEach(s -> s.ifPresent(set::add));
        return set;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
