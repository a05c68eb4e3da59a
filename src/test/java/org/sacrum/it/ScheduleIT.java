package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Scheduled publishing and withdrawal over HTTP: a publisher sets publishAt/unpublishAt, and the schedule job (run here
 * with POST /api/manage/jobs/run; the timer is off in the tests) publishes or withdraws under a publisher's rules, as
 * "system". The clock is not moved: the times are a few seconds ahead of the server's own. Runs in {@link SharedDeploymentIT}.
 */
abstract class ScheduleIT extends OnSharedDeployment {
    private static final long WAIT_MILLIS = 30_000;

    static String schedulePath(String plural, String slug) {
        return Team.path(plural, slug) + "/schedule";
    }

    /** The server's time: another feature's test may have moved it, and the schedule is judged by it. */
    static Instant serverNow(Team team) {
        return Instant.parse(team.admin.get("/api/manage/clock").expect(200).json().getString("now"));
    }

    static JsonObject schedule(Instant publishAt, Instant unpublishAt) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("publishAt", publishAt == null ? JsonValue.NULL : Json.createValue(publishAt.toString()));
        b.add("unpublishAt", unpublishAt == null ? JsonValue.NULL : Json.createValue(unpublishAt.toString()));
        return b.build();
    }

    static Api.Reply putSchedule(Team.Member who, String plural, String slug, JsonObject body, String ifMatch) {
        return who.api().put(schedulePath(plural, slug), body, ifMatch);
    }

    static String etag(Team team, String plural, String slug) {
        return team.author.api().get(Team.path(plural, slug)).expect(200).header("ETag");
    }

    /** Runs the jobs until the entry's view passes the test (or fails after 30 s); returns that view. */
    static JsonObject runJobsUntil(Team team, String plural, String slug, Predicate<JsonObject> done) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            team.admin.post("/api/manage/jobs/run", null).expect(200);
            JsonObject view = team.author.api().get(Team.path(plural, slug)).expect(200).json();
            if (done.test(view)) {
                return view;
            }
            assertTrue(System.currentTimeMillis() < until, "not done within 30 s: " + view);
            Thread.sleep(500);
        }
    }

    static List<JsonObject> audit(Team team, String plural, String slug) {
        return team.publisher.api().get(Team.path(plural, slug) + "/audit").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static void expectRule(Api.Reply reply, int status, String field, String rule) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.mediaType(), reply.toString());
        assertTrue(reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("field").equals(field) && v.getString("rule").equals(rule)), reply.toString());
    }

    /** A warning created, submitted and approved: ready to publish. */
    private String approvedWarning(String name) {
        String slug = team.slug(name);
        team.create("warnings", Samples.warning(slug));
        team.submit("warnings", slug);
        team.approve("warnings", slug, team.clinician).expect(200);
        return slug;
    }

    @Test
    void publishAtPublishesOnceAsSystemAndNamesWhoScheduledIt() throws InterruptedException {
        String slug = approvedWarning("scheduled-publish");
        Instant at = serverNow(team).plusSeconds(3);
        Api.Reply set = putSchedule(team.publisher, "warnings", slug, schedule(at, null), etag(team, "warnings", slug)).expect(200);
        JsonObject shown = set.json().getJsonObject("schedule");
        assertEquals(Instant.parse(at.toString()).getEpochSecond(), Instant.parse(shown.getString("publishAt")).getEpochSecond());
        assertTrue(shown.isNull("unpublishAt"));
        assertEquals(team.publisher.username(), shown.getString("scheduledBy"));
        assertTrue(set.json().isNull("scheduleFailed"));
        assertEquals(404, team.anonymous.get("/api/v1/warnings/" + slug).status(), "not before its time");
        assertEquals("clinically-reviewed", team.author.api().get(Team.path("warnings", slug)).json().getString("state"));

        JsonObject published = runJobsUntil(team, "warnings", slug, v -> v.getString("state").equals("published"));
        assertTrue(published.isNull("schedule"), "the done schedule is cleared: " + published);
        assertTrue(published.isNull("scheduleFailed"));
        assertTrue(Instant.parse(published.getString("publishedAt")).isAfter(at.minusSeconds(1)), "not published early: " + published);
        Api.Reply delivered = team.anonymous.get("/api/v1/warnings/" + slug).expect(200);
        assertFalse(delivered.text().contains("publishAt") || delivered.text().contains("scheduledBy"), "delivery never shows the schedule");

        team.admin.post("/api/manage/jobs/run", null).expect(200); // a later tick has nothing more to do
        List<JsonObject> audit = audit(team, "warnings", slug);
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("schedule")
                && e.getString("actor").equals(team.publisher.username())), audit.toString());
        List<JsonObject> publications = audit.stream().filter(e -> e.getString("action").equals("publish")).toList();
        assertEquals(1, publications.size(), audit.toString());
        assertEquals("system", publications.get(0).getString("actor"));
        assertEquals("scheduled by " + team.publisher.username(), publications.get(0).getString("detail"));
    }

    @Test
    void aScheduleWhoseApprovalAnEditVoidedDoesNotPublishAndIsFlagged() throws InterruptedException {
        String slug = approvedWarning("scheduled-voided");
        Instant at = serverNow(team).plusSeconds(3);
        putSchedule(team.publisher, "warnings", slug, schedule(at, null), etag(team, "warnings", slug)).expect(200);
        JsonObject edited = Json.createObjectBuilder(Samples.warning(slug)).add("title", "Edited after the approval").build();
        team.author.api().put(Team.path("warnings", slug), Samples.body(edited, "an edit voids the approval"),
                etag(team, "warnings", slug)).expect(200);

        JsonObject failed = runJobsUntil(team, "warnings", slug, v -> !v.isNull("scheduleFailed"));
        assertEquals("draft", failed.getString("state"), "not published: " + failed);
        assertTrue(failed.isNull("publishedRevision"));
        assertTrue(failed.isNull("schedule"), "the failed schedule is cleared: " + failed);
        JsonObject flag = failed.getJsonObject("scheduleFailed");
        assertEquals("publish", flag.getString("action"));
        assertTrue(flag.getJsonArray("rules").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(r -> r.getString().equals("approval-current")), flag.toString());
        assertFalse(Instant.parse(flag.getString("at")).isBefore(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), "publishAt is kept to the second");
        assertEquals(404, team.anonymous.get("/api/v1/warnings/" + slug).status());

        JsonObject listed = team.publisher.api().get("/api/manage/warnings?size=500&state=draft").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("slug").equals(slug)).findFirst().orElseThrow();
        assertEquals(flag, listed.getJsonObject("scheduleFailed"), "the queue flag is in the list too");

        List<JsonObject> audit = audit(team, "warnings", slug);
        assertTrue(audit.stream().noneMatch(e -> e.getString("action").equals("publish")), audit.toString());
        JsonObject record = audit.stream().filter(e -> e.getString("action").equals("schedule-failed")).findFirst()
                .orElseThrow(() -> new AssertionError("no schedule-failed record: " + audit));
        assertEquals("system", record.getString("actor"));
        assertTrue(record.getString("detail").contains("approval-current"), record.toString());
        assertTrue(record.getString("detail").contains(team.publisher.username()), record.toString());

        // a new schedule clears the flag
        Api.Reply cleared = putSchedule(team.publisher, "warnings", slug, schedule(null, null), etag(team, "warnings", slug)).expect(200);
        assertTrue(cleared.json().isNull("scheduleFailed"), cleared.toString());
        assertTrue(cleared.json().isNull("schedule"), cleared.toString());
    }

    @Test
    void unpublishAtWithdrawsAsSystem() throws InterruptedException {
        String slug = team.slug("scheduled-withdrawal");
        team.publishNew("warnings", Samples.warning(slug));
        team.anonymous.get("/api/v1/warnings/" + slug).expect(200);
        Instant at = serverNow(team).plusSeconds(3);
        putSchedule(team.publisher, "warnings", slug, schedule(null, at), etag(team, "warnings", slug)).expect(200);
        assertEquals(200, team.anonymous.get("/api/v1/warnings/" + slug).status(), "still published before its time");

        JsonObject withdrawn = runJobsUntil(team, "warnings", slug, v -> v.isNull("publishedRevision"));
        assertEquals("unpublished", withdrawn.getString("state"));
        assertTrue(withdrawn.isNull("schedule"));
        assertTrue(withdrawn.isNull("scheduleFailed"));
        Api.Reply gone = team.anonymous.get("/api/v1/warnings/" + slug);
        assertEquals(410, gone.status(), "withdrawn from delivery: " + gone);
        assertEquals("retired", gone.json().getString("category"), "a scheduled withdrawal retires the entry");

        List<JsonObject> audit = audit(team, "warnings", slug);
        JsonObject record = audit.stream().filter(e -> e.getString("action").equals("unpublish")).findFirst()
                .orElseThrow(() -> new AssertionError("no unpublish record: " + audit));
        assertEquals("system", record.getString("actor"));
        assertTrue(record.getString("detail").startsWith("retired"), record.toString());
        assertTrue(record.getString("detail").contains(team.publisher.username()), record.toString());
        assertEquals(1, audit.stream().filter(e -> e.getString("action").equals("withdraw") && e.getString("actor").equals("system")).count());
    }

    @Test
    void aBadScheduleIsAProblemNamingTheFieldAndRule() {
        String slug = approvedWarning("scheduled-bad");
        String plural = "warnings";
        Instant now = serverNow(team);
        String etag = etag(team, plural, slug);
        expectRule(putSchedule(team.publisher, plural, slug, schedule(now.minusSeconds(60), null), etag), 422, "publishAt", "schedule-in-future");
        expectRule(putSchedule(team.publisher, plural, slug, schedule(now.plusSeconds(3600), now.plusSeconds(1800)), etag),
                422, "unpublishAt", "unpublish-after-publish");
        expectRule(putSchedule(team.publisher, plural, slug, schedule(now.plusSeconds(3 * 366 * 86400L), null), etag),
                422, "publishAt", "schedule-within-horizon");
        expectRule(putSchedule(team.publisher, plural, slug, schedule(null, now.plusSeconds(3600)), etag),
                422, "unpublishAt", "unpublish-needs-publication");
        expectRule(putSchedule(team.publisher, plural, slug, Json.createObjectBuilder().add("publishAt", "tomorrow").build(), etag),
                400, "publishAt", "instant");
        expectRule(putSchedule(team.publisher, plural, slug, Json.createObjectBuilder().add("publishAt", 1).build(), etag),
                400, "publishAt", "instant");
        expectRule(putSchedule(team.publisher, plural, slug, Json.createObjectBuilder().add("publish_at", now.plusSeconds(60).toString()).build(), etag),
                400, "publish_at", "unknown-field");

        Api.Reply noIfMatch = putSchedule(team.publisher, plural, slug, schedule(now.plusSeconds(3600), null), null);
        assertEquals(428, noIfMatch.status(), noIfMatch.toString());
        assertEquals("application/problem+json", noIfMatch.mediaType());
        Api.Reply stale = putSchedule(team.publisher, plural, slug, schedule(now.plusSeconds(3600), null), "\"stale.1\"");
        assertEquals(412, stale.status(), stale.toString());
        expectRule(putSchedule(team.author, plural, slug, schedule(now.plusSeconds(3600), null), etag), 403, "", "actor-has-role");
        Api.Reply anonymous = team.anonymous.put(schedulePath(plural, slug), schedule(now.plusSeconds(3600), null), etag);
        assertEquals(401, anonymous.status(), anonymous.toString());
        Api.Reply readOnlyToken = team.anonymous.withToken(team.token(team.publisher.username(), "read"))
                .put(schedulePath(plural, slug), schedule(now.plusSeconds(3600), null), etag);
        assertEquals(403, readOnlyToken.status(), "a publisher's token without the publish scope: " + readOnlyToken);

        JsonObject entry = team.author.api().get(Team.path(plural, slug)).expect(200).json();
        assertTrue(entry.isNull("schedule"), "nothing was scheduled: " + entry);
        assertEquals(etag, entry.getString("etag"));
        Map<String, Long> actions = new java.util.HashMap<>();
        audit(team, plural, slug).forEach(e -> actions.merge(e.getString("action"), 1L, Long::sum));
        assertNull(actions.get("schedule"), actions.toString());
    }
}
