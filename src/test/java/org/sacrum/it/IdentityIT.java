package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Who may do what: the authorization matrix against the running server, tokens, throttling. */
class IdentityIT extends SacrumIT {

    record Call(String method, String path, Set<String> allowed) {
    }

    static final Set<String> READERS = Set.of("read-only token", "author", "clinician", "publisher", "admin");

    /** Every management endpoint, aimed at things that do not exist, so an allowed call changes nothing. */
    static List<Call> endpoints() {
        String e = "/api/manage/exercises/no-such-entry";
        String p = "/api/manage/people/no-such-person";
        return List.of(
                new Call("GET", "/api/manage/exercises", READERS),
                new Call("POST", "/api/manage/exercises", Set.of("author")),
                new Call("GET", e, READERS),
                new Call("PUT", e, Set.of("author")),
                new Call("POST", e + "/submit", Set.of("author")),
                new Call("POST", e + "/request-changes", Set.of("clinician")),
                new Call("POST", e + "/approve", Set.of("clinician")),
                new Call("POST", e + "/publish", Set.of("publisher")),
                new Call("POST", e + "/unpublish", Set.of("publisher")),
                new Call("POST", e + "/archive", Set.of("publisher", "admin")),
                new Call("GET", e + "/revisions", READERS),
                new Call("GET", e + "/revisions/1", READERS),
                new Call("POST", e + "/revisions/1/restore", Set.of("author")),
                new Call("GET", e + "/diff", READERS),
                new Call("GET", e + "/comments", READERS),
                new Call("GET", e + "/audit", READERS),
                new Call("GET", "/api/manage/audit", Set.of("admin")),
                new Call("GET", "/api/manage/people", Set.of("admin")),
                new Call("POST", "/api/manage/people", Set.of("admin")),
                new Call("GET", p, Set.of("admin")),
                new Call("PUT", p + "/roles/author", Set.of("admin")),
                new Call("DELETE", p + "/roles/author", Set.of("admin")),
                new Call("POST", p + "/tokens", Set.of("admin")),
                new Call("DELETE", p + "/tokens/no-such-token", Set.of("admin")),
                new Call("GET", "/api/manage/me", READERS),
                new Call("PUT", "/api/manage/me/password", READERS),
                new Call("POST", "/api/manage/me/tokens", READERS),
                new Call("DELETE", "/api/manage/me/tokens/no-such-token", READERS),
                new Call("GET", "/api/v1/exercises/no-such-entry?preview=true", READERS));
    }

    @Test
    void authorizationMatrix() throws IOException {
        Map<String, Api> callers = new LinkedHashMap<>();
        callers.put("anonymous", team.anonymous);
        callers.put("read-only token", team.anonymous.withToken(team.token(team.publisher.username(), "read")));
        callers.put("author", team.author.api());
        callers.put("clinician", team.clinician.api());
        callers.put("publisher", team.publisher.api());
        callers.put("admin", team.admin);

        StringBuilder table = new StringBuilder("| endpoint | " + String.join(" | ", callers.keySet()) + " |\n|---|"
                + "---|".repeat(callers.size()) + "\n");
        List<String> wrong = new ArrayList<>();
        for (Call call : endpoints()) {
            table.append("| ").append(call.method()).append(' ').append(call.path().replace("no-such-entry", "{slug}")
                    .replace("no-such-person", "{username}").replace("no-such-token", "{id}")).append(" |");
            callers.forEach((who, api) -> {
                String body = call.method().equals("GET") || call.method().equals("DELETE") ? null : "{}";
                Api.Reply reply = api.call(call.method(), call.path(), body, null);
                boolean allowed = call.allowed().contains(who);
                int expectedRefusal = who.equals("anonymous") ? 401 : 403;
                boolean ok = allowed ? reply.status() != 401 && reply.status() != 403 : reply.status() == expectedRefusal;
                if (!ok) {
                    wrong.add(call.method() + " " + call.path() + " as " + who + " -> " + reply);
                }
                if (reply.status() == 401 || reply.status() == 403) {
                    assertEquals("application/problem+json", reply.mediaType(), reply.toString());
                }
                table.append(' ').append(allowed ? "yes" : "no").append(" (").append(reply.status()).append(") |");
            });
            table.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.md"), table);
        System.out.println(table);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDeliveryApiIsPublic() {
        assertEquals(200, team.anonymous.get("/api/v1/exercises").status());
        assertEquals(200, team.anonymous.get("/api/v1/topics").status());
    }

    @Test
    void aRevokedTokenFailsOnItsVeryNextRequest() {
        Api.Reply issued = team.author.withPassword().post("/api/manage/me/tokens",
                Json.createObjectBuilder().add("name", "laptop").add("scopes", Json.createArrayBuilder().add("read")).build());
        assertEquals(201, issued.status(), issued.toString());
        Api token = team.anonymous.withToken(issued.json().getString("token"));
        assertEquals(200, token.get("/api/manage/me").status());
        assertFalse(team.author.withPassword().get("/api/manage/me").text().contains(issued.json().getString("token")),
                "a token is shown once and never again");

        Api.Reply revoked = team.author.withPassword().call("DELETE", "/api/manage/me/tokens/" + issued.json().getString("id"), null, null);
        assertEquals(200, revoked.status(), revoked.toString());
        Api.Reply after = token.get("/api/manage/me");
        assertEquals(401, after.status());
        assertEquals("application/problem+json", after.mediaType());
        assertEquals(401, team.anonymous.withToken("sacrum_made-up-token").get("/api/manage/me").status());
    }

    @Test
    void aTokenGrantsNoMoreThanItsScopes() {
        Api readOnly = team.anonymous.withToken(team.token(team.publisher.username(), "read"));
        assertEquals(403, readOnly.post("/api/manage/exercises/anything/publish", null).status());
        Api overreaching = team.anonymous.withToken(team.token(team.author.username(), "read", "publish"));
        assertEquals(403, overreaching.post("/api/manage/exercises/anything/publish", null).status(),
                "a publish scope gives an author no publisher role");
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        Api.Reply unknown = team.anonymous.as("nobody-" + team.suffix, "whatever password").get("/api/manage/me");
        Api.Reply wrong = team.anonymous.as(team.clinician.username(), "wrong password").get("/api/manage/me");
        assertEquals(401, unknown.status());
        assertEquals(unknown.status(), wrong.status());
        assertEquals(unknown.text(), wrong.text());
    }

    @Test
    void peopleReplaceTheirOwnPassword() {
        Team.Member member = team.member("changer", "Cam Changer", "author", null);
        String url = "/api/manage/me/password";
        Api.Reply wrong = member.withPassword().call("PUT", url,
                "{\"currentPassword\": \"not it\", \"newPassword\": \"a brand new passphrase\"}", null);
        assertEquals(422, wrong.status(), wrong.toString());
        Api.Reply changed = member.withPassword().call("PUT", url,
                "{\"currentPassword\": \"" + Team.PASSWORD + "\", \"newPassword\": \"a brand new passphrase\"}", null);
        assertEquals(204, changed.status(), changed.toString());
        assertEquals(401, member.withPassword().get("/api/manage/me").status(), "the old password no longer works");
        assertEquals(200, team.anonymous.as(member.username(), "a brand new passphrase").get("/api/manage/me").status());
    }

    @Test
    void repeatedFailedSignInsAreThrottled() {
        Team.Member target = team.member("throttled", "Tess Throttled", "author", null);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, team.anonymous.as(target.username(), "guess " + i).get("/api/manage/me").status());
        }
        Api.Reply locked = target.withPassword().get("/api/manage/me");
        assertEquals(429, locked.status(), "even the right password waits: " + locked);
        assertNotNull(locked.header("Retry-After"));
        assertEquals(200, target.api().get("/api/manage/me").status(), "tokens are not throttled by password failures");
    }

    @Test
    void adminsManagePeopleAndEveryChangeIsAudited() {
        Api.Reply invalid = team.admin.post("/api/manage/people", Json.createObjectBuilder().add("username", "X")
                .add("displayName", "").add("password", "short").add("roles", Json.createArrayBuilder().add("clinician").add("wizard")).build());
        assertEquals(422, invalid.status(), invalid.toString());
        Set<String> fields = new java.util.HashSet<>();
        invalid.json().getJsonArray("violations").getValuesAs(JsonObject.class).forEach(v -> fields.add(v.getString("field")));
        assertTrue(fields.containsAll(Set.of("username", "displayName", "password", "roles[1]", "clinicianCredentialed")), fields.toString());

        Team.Member person = team.member("granted", "Gus Granted", "author", null);
        JsonObject granted = team.admin.call("PUT", "/api/manage/people/" + person.username() + "/roles/publisher", null, null).json();
        assertEquals(List.of("author", "publisher"), granted.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        Api.Reply noCredential = team.admin.call("PUT", "/api/manage/people/" + person.username() + "/roles/clinician", null, null);
        assertEquals(422, noCredential.status(), "clinicians need a credential: " + noCredential);
        team.admin.call("DELETE", "/api/manage/people/" + person.username() + "/roles/publisher", null, null);

        StringBuilder all = new StringBuilder();
        String page = "/api/manage/audit?after=0&limit=1000";
        for (int i = 0; i < 50; i++) { // read the whole log, a page at a time
            JsonObject log = team.admin.get(page).json();
            if (log.getJsonArray("items").isEmpty()) {
                break;
            }
            all.append(log.getJsonArray("items"));
            page = log.getString("next") + "&limit=1000";
        }
        assertTrue(all.toString().contains(person.username() + " +publisher"), "grant audited");
        assertTrue(all.toString().contains(person.username() + " -publisher"), "revoke audited");
        assertTrue(all.toString().contains("\"person-create\""), "creation audited");
    }
}
