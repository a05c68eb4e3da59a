package org.sacrum.identity.boundary;

import org.sacrum.identity.entity.ApiToken;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.control.Json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON of a person (never a password hash) and of a token (never its secret), as /manage/people and /manage/me answer. */
final class IdentityViews {
    private IdentityViews() {
    }

    static JsonObject person(Person p) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        p.roles().stream().map(Role::id).sorted().forEach(roles::add);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("username", p.username())
                .add("displayName", p.displayName())
                .add("roles", roles)
                .add("active", p.active())
                .add("demo", p.demo());
        if (p.credential() != null) {
            b.add("credential", p.credential());
        }
        return b.build();
    }

    static JsonObject token(ApiToken t) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        t.scopes().forEach(s -> scopes.add(s.id()));
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", t.id()).add("name", t.name()).add("scopes", scopes)
                .add("createdAt", t.createdAt().toString()).add("expiresAt", t.expiresAt().toString());
        if (t.revokedAt() != null) {
            b.add("revokedAt", t.revokedAt().toString());
        }
        return b.build();
    }

    /** A token just issued: its view, the secret (shown this once) and a notice saying so. */
    static JsonObject issued(ApiToken t, String secret) {
        return Json.createObjectBuilder(token(t)).add("token", secret)
                .add("notice", "Store this token now: Sacrum keeps only its hash and cannot show it again.").build();
    }
}
