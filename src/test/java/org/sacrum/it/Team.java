package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.UUID;

/**
 * People for a test class, created through the admin API with unique names: an author, two clinicians,
 * a publisher and a person with every editorial role. Each signs in with a personal token they issued themselves.
 */
public final class Team {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String ADMIN_PASSWORD = System.getProperty("sacrum.it.adminPassword", "integration-admin-secret");
    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final Api anonymous;
    public final Api admin;
    public final Member author;
    public final Member clinician;
    public final Member clinician2;
    public final Member publisher;

    public record Member(String username, String displayName, Api api) {
        public Api withPassword() {
            return api.anonymous().as(username, PASSWORD);
        }
    }

    public Team(Api api) {
        anonymous = api;
        admin = api.as("admin", ADMIN_PASSWORD);
        author = member("author", "Ada Author", "author", null);
        clinician = member("clinician", "Dr Clara Clinician", "clinician", "Physiotherapist");
        clinician2 = member("clinician2", "Dr Cora Second", "clinician", "Midwife");
        publisher = member("publisher", "Pat Publisher", "publisher", null);
    }

    public Member member(String name, String displayName, String role, String profession) {
        String username = name + "-" + suffix;
        var person = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", displayName)
                .add("password", PASSWORD)
                .add("roles", Json.createArrayBuilder().add(role));
        if (profession != null) {
            person.add("profession", profession).add("registrationBody", "HCPC").add("registrationNumber", "PH" + suffix);
        }
        admin.post("/api/manage/people", person.build()).expect(201);
        String token = token(username, "read", "write", "review", "publish");
        return new Member(username, displayName, anonymous.withToken(token));
    }

    /** A token the person (signed in with their password) issues for themselves: admins issue tokens to nobody else. */
    public String token(String username, String... scopes) {
        var list = Json.createArrayBuilder();
        for (String s : scopes) {
            list.add(s);
        }
        JsonObject request = Json.createObjectBuilder().add("name", "tests").add("scopes", list).add("expiresInDays", 1).build();
        String password = username.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
        return anonymous.as(username, password).post("/api/manage/me/tokens", request).expect(201).json().getString("token");
    }

    public static final String ATTESTATION = "I reviewed this revision for clinical accuracy and safety.";

    public static String path(String plural, String slug) {
        return "/api/manage/" + plural + "/" + slug;
    }

    public Api.Reply create(String plural, JsonObject content) {
        return author.api().post("/api/manage/" + plural, Samples.body(content, "first draft")).expect(201);
    }

    /** The author submits the entry for review (a set-up step: it must succeed). */
    public Api.Reply submit(String plural, String slug) {
        return author.api().post(path(plural, slug) + "/submit", null).expect(200);
    }

    public JsonObject approval(JsonObject entry, Team.Member clinician) {
        return Json.createObjectBuilder()
                .add("revision", entry.getInt("latestRevision"))
                .add("contentHash", entry.getString("contentHash"))
                .add("attestation", ATTESTATION)
                .add("printedName", clinician.displayName())
                .add("password", Team.PASSWORD).build();
    }

    public Api.Reply approve(String plural, String slug, Team.Member clinician) {
        JsonObject entry = author.api().get(path(plural, slug)).expect(200).json();
        return clinician.api().post(path(plural, slug) + "/approve", approval(entry, clinician));
    }

    /** Create, submit, approve, publish; returns the published entry's management view. */
    public JsonObject publishNew(String plural, JsonObject content) {
        String slug = content.getString("slug");
        create(plural, content);
        submit(plural, slug);
        approve(plural, slug, clinician).expect(200);
        return publisher.api().post(path(plural, slug) + "/publish", null).expect(200).json();
    }

    public String slug(String base) {
        return base + "-" + suffix;
    }
}
