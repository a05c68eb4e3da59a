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

/** Who may do what: the authorization matrix against the running server, tokens, throttling. Runs in {@link SharedDeploymentIT}. */
abstract class IdentityIT extends OnSharedDeployment {

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
                new Call("POST", p + "/tokens", Set.of()),
                new Call("POST", p + "/disable", Set.of("admin")),
                new Call("POST", p + "/enable", Set.of("admin")),
                new Call("PUT", p + "/password", Set.of("admin")),
                new Call("DELETE", p + "/tokens/no-such-token", Set.of("admin")),
                new Call("GET", "/api/manage/me", READERS),
                new Call("PUT", "/api/manage/me/password", READERS),
                new Call("POST", "/api/manage/me/tokens", Set.of("admin")),
                new Call("DELETE", "/api/manage/me/tokens/no-such-token", Set.of("admin")),
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
        Team.Member roleless = team.member("roleless", "Rory Roleless", "author", null);
        team.admin.call("DELETE", "/api/manage/people/" + roleless.username() + "/roles/author", null, null).expect(200);
        callers.put("no role", roleless.withPassword());

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
                boolean refused = reply.status() == expectedRefusal
                        || who.equals("no role") && call.path().startsWith("/api/v1/") && reply.status() == 401;
                boolean ok = allowed ? reply.status() != 401 && reply.status() != 403 : refused;
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
        JsonObject granted = team.admin.call("PUT", "/api/manage/people/" + person.username() + "/roles/publisher", null, null).expect(200).json();
        assertEquals(List.of("author", "publisher"), granted.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        Api.Reply noCredential = team.admin.call("PUT", "/api/manage/people/" + person.username() + "/roles/clinician", null, null);
        assertEquals(422, noCredential.status(), "clinicians need a credential: " + noCredential);
        team.admin.call("DELETE", "/api/manage/people/" + person.username() + "/roles/publisher", null, null).expect(200);

        StringBuilder all = new StringBuilder();
        String page = "/api/manage/audit?after=0&limit=1000";
        for (int i = 0; i < 50; i++) { // read the whole log, a page at a time
            JsonObject log = team.admin.get(page).expect(200).json();
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

    /** The whole audit log as text, read a page at a time. */
    private static String auditLog() {
        StringBuilder all = new StringBuilder();
        String page = "/api/manage/audit?after=0&limit=1000";
        for (int i = 0; i < 50; i++) {
            JsonObject log = team.admin.get(page).expect(200).json();
            if (log.getJsonArray("items").isEmpty()) {
                break;
            }
            all.append(log.getJsonArray("items"));
            page = log.getString("next") + "&limit=1000";
        }
        return all.toString();
    }

    private static List<String> rules(Api.Reply reply) {
        return reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream().map(v -> v.getString("rule")).toList();
    }

    private static JsonObject tokenRequest(String... scopes) {
        var list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        return Json.createObjectBuilder().add("name", "minted").add("scopes", list).add("expiresInDays", 1).build();
    }

    private static final String EVERY_SCOPE = "read write review publish admin";

    @Test
    void aReadTokenNeitherMintsTokensNorRevokesThem() {
        Team.Member owner = team.member("minter", "Mia Minter", "author", null);
        Api readOnly = team.anonymous.withToken(team.token(owner.username(), "read"));
        Api.Reply minted = readOnly.post("/api/manage/me/tokens", tokenRequest(EVERY_SCOPE.split(" ")));
        assertEquals(403, minted.status(), minted.toString());
        assertEquals("application/problem+json", minted.mediaType());
        assertEquals(List.of("token-management-scope"), rules(minted));
        assertEquals(403, readOnly.post("/api/manage/me/tokens", tokenRequest("read")).status(), "not even an equal one");

        String otherId = owner.withPassword().get("/api/manage/me").json().getJsonArray("tokens").getJsonObject(0).getString("id");
        Api.Reply revoked = readOnly.call("DELETE", "/api/manage/me/tokens/" + otherId, null, null);
        assertEquals(403, revoked.status(), revoked.toString());
        assertEquals(200, owner.api().get("/api/manage/me").status(), "the owner's other token still works");

        String ownId = readOnly.get("/api/manage/me").json().getJsonArray("tokens").getJsonObject(1).getString("id");
        Api.Reply signedOut = readOnly.call("DELETE", "/api/manage/me/tokens/" + ownId, null, null);
        assertEquals(200, signedOut.status(), "any token may revoke itself (the console signs out so): " + signedOut);
        assertEquals(401, readOnly.get("/api/manage/me").status());
    }

    @Test
    void aTokenWithTheAdminScopeIssuesOnlyNarrowerTokens() {
        Team.Member owner = team.member("delegator", "Del Delegator", "author", null);
        Api manager = team.anonymous.withToken(team.token(owner.username(), "read", "write", "admin"));
        Api.Reply broader = manager.post("/api/manage/me/tokens", tokenRequest(EVERY_SCOPE.split(" ")));
        assertEquals(403, broader.status(), broader.toString());
        assertEquals(List.of("token-scope-subset"), rules(broader));
        assertEquals("scopes", broader.json().getJsonArray("violations").getJsonObject(0).getString("field"));

        Api.Reply narrower = manager.post("/api/manage/me/tokens", tokenRequest("read"));
        assertEquals(201, narrower.status(), narrower.toString());
        Api minted = team.anonymous.withToken(narrower.json().getString("token"));
        assertEquals(403, minted.post("/api/manage/exercises", Samples.body(Samples.exercise(team.slug("minted")), null)).status(),
                "a read token writes nothing");
        Api.Reply revoked = manager.call("DELETE", "/api/manage/me/tokens/" + narrower.json().getString("id"), null, null);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals(401, minted.get("/api/manage/me").status());
    }

    @Test
    void adminsIssueTokensOnlyForThemselves() {
        Team.Member victim = team.member("victim", "Vic Victim", "author", null);
        Api.Reply forOther = team.admin.post("/api/manage/people/" + victim.username() + "/tokens", tokenRequest("read", "write"));
        assertEquals(403, forOther.status(), forOther.toString());
        assertEquals(List.of("no-impersonation"), rules(forOther));
        assertFalse(victim.withPassword().get("/api/manage/me").text().contains("\"minted\""), "no token was made");

        Api.Reply own = team.admin.post("/api/manage/people/admin/tokens", tokenRequest("read"));
        assertEquals(201, own.status(), "an admin's own token: " + own);

        String victimToken = victim.withPassword().get("/api/manage/me").json().getJsonArray("tokens").getJsonObject(0).getString("id");
        Api.Reply revoked = team.admin.call("DELETE", "/api/manage/people/" + victim.username() + "/tokens/" + victimToken, null, null);
        assertEquals(200, revoked.status(), "revoking someone's token stays allowed: " + revoked);
        assertEquals(401, victim.api().get("/api/manage/me").status());
    }

    @Test
    void passwordGuessesThroughATokenAreThrottled() {
        Team.Member target = team.member("guessed", "Gail Guessed", "author", null);
        for (int i = 0; i < 5; i++) {
            Api.Reply wrong = target.api().call("PUT", "/api/manage/me/password",
                    "{\"currentPassword\": \"guess number " + i + "\", \"newPassword\": \"a brand new passphrase\"}", null);
            assertEquals(422, wrong.status(), wrong.toString());
        }
        Api.Reply locked = target.api().call("PUT", "/api/manage/me/password",
                "{\"currentPassword\": \"" + Team.PASSWORD + "\", \"newPassword\": \"a brand new passphrase\"}", null);
        assertEquals(429, locked.status(), "even the right password waits: " + locked);
        assertEquals("application/problem+json", locked.mediaType());
        assertNotNull(locked.header("Retry-After"));
        assertEquals(429, target.withPassword().get("/api/manage/me").status(), "one throttle for sign-in and re-entry");
    }

    @Test
    void approvalPasswordGuessesAreThrottled() {
        Team.Member signer = team.member("signer", "Dr Sid Signer", "clinician", "Midwife");
        String slug = team.slug("throttled-approval");
        team.create("conditions", Samples.condition(slug));
        team.submit("conditions", slug);
        JsonObject entry = team.author.api().get(Team.path("conditions", slug)).expect(200).json();
        JsonObject good = team.approval(entry, signer);
        for (int i = 0; i < 5; i++) {
            Api.Reply wrong = signer.api().post(Team.path("conditions", slug) + "/approve",
                    Json.createObjectBuilder(good).add("password", "guess number " + i).build());
            assertEquals(422, wrong.status(), wrong.toString());
            assertTrue(rules(wrong).contains("signer-reauthenticated"), wrong.toString());
        }
        Api.Reply locked = signer.api().post(Team.path("conditions", slug) + "/approve", good);
        assertEquals(429, locked.status(), "the right password waits too: " + locked);
        assertNotNull(locked.header("Retry-After"));
        assertEquals("in-review", team.author.api().get(Team.path("conditions", slug)).expect(200).json().getString("state"));
        assertEquals(429, signer.withPassword().get("/api/manage/me").status());
    }

    @Test
    void aDisabledAccountStopsAtOnceAndComesBack() {
        Team.Member person = team.member("leaver", "Lee Leaver", "author", null);
        String slug = team.slug("leaver-draft");
        team.create("warnings", Samples.warning(slug));
        String preview = "/api/v1/warnings/" + slug + "?preview=true";
        assertEquals(200, person.api().get(preview).status());

        Api.Reply disabled = team.admin.post("/api/manage/people/" + person.username() + "/disable", null);
        assertEquals(200, disabled.status(), disabled.toString());
        assertFalse(disabled.json().getBoolean("active"));
        assertEquals(401, person.withPassword().get("/api/manage/me").status(), "password refused");
        assertEquals(401, person.api().get("/api/manage/me").status(), "token refused at once");
        assertEquals(401, person.api().get(preview).status(), "no preview of drafts");
        assertEquals(401, person.withPassword().post("/api/manage/me/tokens", tokenRequest("read")).status(), "no new tokens");

        Api.Reply enabled = team.admin.post("/api/manage/people/" + person.username() + "/enable", null);
        assertEquals(200, enabled.status(), enabled.toString());
        assertEquals(200, person.api().get("/api/manage/me").status());
        String log = auditLog();
        assertTrue(log.contains("\"person-disable\""), "disable audited");
        assertTrue(log.contains("\"person-enable\""), "enable audited");
    }

    @Test
    void aPersonWithNoRoleHasNoManagementAccess() {
        Team.Member person = team.member("demoted", "Dee Demoted", "author", null);
        String slug = team.slug("demoted-draft");
        team.create("warnings", Samples.warning(slug));
        team.admin.call("DELETE", "/api/manage/people/" + person.username() + "/roles/author", null, null).expect(200);
        assertEquals(403, person.withPassword().get("/api/manage/me").status());
        assertEquals(403, person.api().get("/api/manage/warnings/" + slug).status(), "no drafts through a token");
        assertEquals(403, person.withPassword().post("/api/manage/me/tokens", tokenRequest("read")).status());
        assertNotEquals(200, person.api().get("/api/v1/warnings/" + slug + "?preview=true").status(), "no preview");
    }

    @Test
    void theLastActiveAdminStays() {
        Api.Reply drop = team.admin.call("DELETE", "/api/manage/people/admin/roles/admin", null, null);
        assertEquals(409, drop.status(), drop.toString());
        assertEquals(List.of("last-active-admin"), rules(drop));
        Api.Reply disable = team.admin.post("/api/manage/people/admin/disable", null);
        assertEquals(409, disable.status(), disable.toString());
        assertEquals(200, team.admin.get("/api/manage/people").status(), "admin access kept");

        Team.Member second = team.member("deputy", "Dot Deputy", "author", null);
        team.admin.call("PUT", "/api/manage/people/" + second.username() + "/roles/admin", null, null).expect(200);
        assertEquals(200, team.admin.post("/api/manage/people/" + second.username() + "/disable", null).status(),
                "another admin may go while one stays");
        team.admin.call("DELETE", "/api/manage/people/" + second.username() + "/roles/admin", null, null).expect(200);
    }

    @Test
    void weakPasswordsAreRefusedWhereverOneIsSet() {
        Api.Reply created = team.admin.post("/api/manage/people", Json.createObjectBuilder().add("username", "weak-" + team.suffix)
                .add("displayName", "Will Weak").add("password", "password1234").add("roles", Json.createArrayBuilder().add("author")).build());
        assertEquals(422, created.status(), created.toString());
        JsonObject violation = created.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("password", violation.getString("field"));
        assertEquals("password-strength", violation.getString("rule"));

        Team.Member person = team.member("strong", "Stu Strong", "author", null);
        Api.Reply changed = person.withPassword().call("PUT", "/api/manage/me/password",
                "{\"currentPassword\": \"" + Team.PASSWORD + "\", \"newPassword\": \"aaaaaaaaaaaa\"}", null);
        assertEquals(422, changed.status(), changed.toString());
        assertEquals("newPassword", changed.json().getJsonArray("violations").getJsonObject(0).getString("field"));
        assertEquals(List.of("password-strength"), rules(changed));

        String reset = "/api/manage/people/" + person.username() + "/password";
        assertEquals(422, team.admin.call("PUT", reset, "{\"newPassword\": \"qwerty123456\"}", null).status());
        Api.Reply done = team.admin.call("PUT", reset, "{\"newPassword\": \"a fresh start for stu\"}", null);
        assertEquals(204, done.status(), done.toString());
        assertEquals(200, team.anonymous.as(person.username(), "a fresh start for stu").get("/api/manage/me").status());
        assertTrue(auditLog().contains(person.username()) && auditLog().contains("\"password-reset\""), "reset audited");
    }

    @Test
    void changingThePasswordCanRevokeEveryToken() {
        Team.Member person = team.member("revoker", "Rae Revoker", "author", null);
        Api.Reply changed = person.withPassword().call("PUT", "/api/manage/me/password",
                "{\"currentPassword\": \"" + Team.PASSWORD + "\", \"newPassword\": \"a brand new passphrase\", \"revokeTokens\": true}", null);
        assertEquals(204, changed.status(), changed.toString());
        assertEquals(401, person.api().get("/api/manage/me").status(), "the old token is revoked");
        assertTrue(auditLog().contains(person.username() + " 1 token(s)"), "revocation audited");
    }
}
