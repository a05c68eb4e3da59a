package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, deliverables 6 and 7: a withdrawn entry is 410 Gone with its category (and successor), a never
 * published one stays 404; ?asOf reads what was public at an instant, linked entries included, from the
 * publication history, which also feeds the change feed. Uses only entries it creates; never moves the clock.
 */
abstract class PublicationHistoryIT extends OnSharedDeployment {

    @Test
    void aWithdrawnEntryIsGoneWithItsCategoryAndSuccessorUntilRepublished() throws InterruptedException {
        String old = team.slug("old-tilt");
        String successor = team.slug("new-tilt");
        team.publishNew("exercises", Samples.exercise(old));
        team.publishNew("exercises", Samples.exercise(successor));
        String cursor = feedEnd();
        Instant whilePublic = pause();
        Api publisher = team.publisher.api();
        String unpublish = Team.path("exercises", old) + "/unpublish";

        assertRule(publisher.post(unpublish, withdrawal("superseded", null, team.slug("no-such-tilt"))), 422, "successor", "successor-exists");
        assertRule(publisher.post(unpublish, withdrawal("retired", null, successor)), 422, "successor", "successor-only-superseded");
        assertRule(publisher.post(unpublish, withdrawal("obsolete", null, null)), 422, "category", "one-of");
        assertRule(publisher.post(unpublish, withdrawal("retired", "x".repeat(501), null)), 422, "reason", "max-length");
        Api.Reply unknownField = publisher.post(unpublish, Json.createObjectBuilder().add("category", "retired").add("why", "x").build());
        assertTrue(unknownField.status() == 400 || unknownField.status() == 422, unknownField.toString());
        team.anonymous.get("/api/v1/exercises/" + old).expect(200); // every refusal left it public

        publisher.post(unpublish, withdrawal("superseded", "Replaced by the updated pelvic tilt.", successor)).expect(200);
        Instant afterWithdrawal = pause();
        for (int i = 0; i < 2; i++) { // the second read too: a 410 is never a cached 200
            Api.Reply gone = team.anonymous.get("/api/v1/exercises/" + old).expect(410);
            assertEquals("application/problem+json", gone.mediaType());
            JsonObject problem = gone.json();
            assertTrue(problem.getString("type").endsWith("/withdrawn"), problem.toString());
            assertEquals(410, problem.getInt("status"));
            assertEquals("Gone", problem.getString("title"));
            assertEquals("superseded", problem.getString("category"));
            assertEquals("Replaced by the updated pelvic tilt.", problem.getString("reason"));
            Instant withdrawnAt = Instant.parse(problem.getString("withdrawnAt"));
            assertTrue(withdrawnAt.isAfter(whilePublic) && withdrawnAt.isBefore(afterWithdrawal), problem.toString());
            assertEquals("</api/v1/exercises/" + successor + ">; rel=\"successor-version\"", gone.header("Link"));
        }
        team.anonymous.get("/api/v1/exercises/" + successor).expect(200);

        // as of an instant: public before the withdrawal, gone after it
        Api.Reply then = team.anonymous.get("/api/v1/exercises/" + old + "?asOf=" + whilePublic).expect(200);
        assertEquals(whilePublic.toString(), then.header("X-Sacrum-As-Of"));
        Api.Reply goneThen = team.anonymous.get("/api/v1/exercises/" + old + "?asOf=" + afterWithdrawal).expect(410);
        assertEquals("superseded", goneThen.json().getString("category"));
        assertEquals(afterWithdrawal.toString(), goneThen.header("X-Sacrum-As-Of"));

        List<JsonObject> changes = changesSince(cursor, old);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("withdrawn", changes.get(0).getString("change"));
        assertEquals("superseded", changes.get(0).getString("category"));
        assertEquals(successor, changes.get(0).getString("successor"));
        assertEquals(1, changes.get(0).getInt("revision"));

        publisher.post(Team.path("exercises", old) + "/publish", null).expect(200);
        assertEquals(1, team.anonymous.get("/api/v1/exercises/" + old).expect(200).json().getInt("revision"),
                "republished: readable at once, no 410 left behind");
        List<String> kinds = changesSince(cursor, old).stream().map(c -> c.getString("change")).toList();
        assertEquals(List.of("withdrawn", "published"), kinds);
        assertFalse(changesSince(cursor, old).get(1).containsKey("category"), "only withdrawals carry a category");
    }

    @Test
    void withoutABodyAWithdrawalIsRetiredAndArchivingAPublishedEntryIsOne() {
        String retired = team.slug("retired-warning");
        String archived = team.slug("archived-warning");
        team.publishNew("warnings", Samples.warning(retired));
        team.publishNew("warnings", Samples.warning(archived));
        team.publisher.api().post(Team.path("warnings", retired) + "/unpublish", null).expect(200); // as old clients do
        JsonObject gone = team.anonymous.get("/api/v1/warnings/" + retired).expect(410).json();
        assertEquals("retired", gone.getString("category"));
        assertFalse(gone.containsKey("reason"));
        assertNull(team.anonymous.get("/api/v1/warnings/" + retired).header("Link"));

        team.publisher.api().post(Team.path("warnings", archived) + "/archive",
                withdrawal("clinical-safety", "Advice found unsafe in review.", null)).expect(200);
        JsonObject unsafe = team.anonymous.get("/api/v1/warnings/" + archived).expect(410).json();
        assertEquals("clinical-safety", unsafe.getString("category"));
        assertEquals("Advice found unsafe in review.", unsafe.getString("reason"));
    }

    @Test
    void aNeverPublishedDraftIsA404IdenticalToAnUnknownSlug() {
        String draft = team.slug("draft-only");
        String unknown = team.slug("never-existed");
        team.create("warnings", Samples.warning(draft));
        team.submit("warnings", draft);
        Api.Reply ofDraft = team.anonymous.get("/api/v1/warnings/" + draft).expect(404);
        Api.Reply ofNothing = team.anonymous.get("/api/v1/warnings/" + unknown).expect(404);
        assertEquals(ofNothing.text().replace(unknown, "SLUG"), ofDraft.text().replace(draft, "SLUG"));
        assertEquals(ofNothing.mediaType(), ofDraft.mediaType());
        assertEquals(ofNothing.headers().keySet(), ofDraft.headers().keySet());
        Instant now = Instant.now();
        Api.Reply draftThen = team.anonymous.get("/api/v1/warnings/" + draft + "?asOf=" + now).expect(404);
        Api.Reply nothingThen = team.anonymous.get("/api/v1/warnings/" + unknown + "?asOf=" + now).expect(404);
        assertEquals(nothingThen.text().replace(unknown, "SLUG"), draftThen.text().replace(draft, "SLUG"));

        team.publisher.api().post(Team.path("warnings", draft) + "/archive", null).expect(200); // archived, never public: still 404
        assertEquals(ofNothing.text().replace(unknown, "SLUG"),
                team.anonymous.get("/api/v1/warnings/" + draft).expect(404).text().replace(draft, "SLUG"));
    }

    @Test
    void asOfReturnsTheRevisionsAndLinkedWarningsPublicThenAndIsNeverCachedAsCurrent() throws InterruptedException {
        String warning = team.slug("asof-warning");
        String exercise = team.slug("asof-tilt");
        team.publishNew("warnings", Samples.warning(warning));
        team.create("exercises", exerciseV(exercise, "first"));
        Instant beforeAny = pause();
        team.submit("exercises", exercise);
        team.approve("exercises", exercise, team.clinician).expect(200);
        team.publisher.api().post(Team.path("exercises", exercise) + "/publish", null).expect(200);
        String path = "/api/v1/exercises/" + exercise;
        JsonObject shownAtT1 = team.anonymous.get(path + "?include=warnings").expect(200).json();
        Instant t1 = pause();

        republish("warnings", warning, Json.createObjectBuilder(Samples.warning(warning)).add("urgency", "emergency").build());
        Instant t2 = pause();
        republish("exercises", exercise, exerciseV(exercise, "second"));
        Instant t3 = pause();

        JsonObject atT1 = asOf(path + "?include=warnings&asOf=" + t1, t1);
        assertEquals(1, atT1.getInt("revision"));
        assertEquals(shownAtT1.getJsonObject("content"), atT1.getJsonObject("content"));
        assertEquals(withoutTodaysFacts(shownAtT1.getJsonObject("review")), atT1.getJsonObject("review"), "the approval published then");
        assertFalse(atT1.getJsonObject("review").containsKey("currency"), "currency is today's fact, not the past's");
        JsonObject warningAtT1 = atT1.getJsonObject("included").getJsonArray("warnings").getJsonObject(0);
        assertEquals(1, warningAtT1.getInt("revision"));
        assertEquals("urgent-same-day", warningAtT1.getJsonObject("content").getString("urgency"));
        assertEquals(withoutTodaysFacts(shownAtT1.getJsonObject("included").getJsonArray("warnings").getJsonObject(0)), warningAtT1,
                "linked warnings as they were");

        JsonObject atT2 = asOf(path + "?include=warnings&asOf=" + t2, t2);
        assertEquals(1, atT2.getInt("revision"), "the exercise was not yet republished");
        JsonObject warningAtT2 = atT2.getJsonObject("included").getJsonArray("warnings").getJsonObject(0);
        assertEquals(2, warningAtT2.getInt("revision"), "but its warning was");
        assertEquals("emergency", warningAtT2.getJsonObject("content").getString("urgency"));

        JsonObject atT3 = asOf(path + "?include=warnings&asOf=" + t3, t3);
        assertEquals(2, atT3.getInt("revision"));
        assertEquals("Test pelvic tilt second", atT3.getJsonObject("content").getString("title"));
        assertNotEquals(atT1.getJsonObject("review").getString("reviewedBy", ""), "");

        // the point-in-time reads left nothing in the response cache: a normal read is the current revision
        for (String cached : List.of("miss", "hit")) {
            Api.Reply current = team.anonymous.get(path + "?include=warnings").expect(200);
            assertEquals(2, current.json().getInt("revision"));
            assertEquals(2, current.json().getJsonObject("included").getJsonArray("warnings").getJsonObject(0).getInt("revision"));
            assertEquals(cached, current.header("X-Sacrum-Cache"));
            assertNull(current.header("X-Sacrum-As-Of"));
        }
        asOf(path + "?asOf=" + t1, t1); // asked again after the current response was cached: still the past
        assertEquals(1, asOf(path + "?asOf=" + t1, t1).getInt("revision"));

        // before its first publication it was unknown to the public; the warning listed it as linked only once it was
        Api.Reply notYet = team.anonymous.get(path + "?asOf=" + beforeAny).expect(404);
        assertEquals(beforeAny.toString(), notYet.header("X-Sacrum-As-Of"));
        assertTrue(asOf("/api/v1/warnings/" + warning + "?asOf=" + beforeAny, beforeAny)
                .getJsonObject("linkedFrom").getJsonArray("exercises").isEmpty());
        JsonObject warningThen = asOf("/api/v1/warnings/" + warning + "?asOf=" + t1, t1);
        assertEquals(List.of(exercise), warningThen.getJsonObject("linkedFrom").getJsonArray("exercises")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(1, warningThen.getJsonObject("linkedFromTotals").getInt("exercises"), warningThen.toString());

        // refused: the future, no instant, together with a preview, on a list
        assertRule(team.anonymous.get(path + "?asOf=" + Instant.now().plusSeconds(3600)), 400, "asOf", "not-future");
        assertRule(team.anonymous.get(path + "?asOf=last-tuesday"), 400, "asOf", "instant");
        assertRule(team.author.api().get(path + "?preview=true&asOf=" + t1), 400, "asOf", "not-with-preview");
        assertRule(team.anonymous.get("/api/v1/exercises?asOf=" + t1), 400, "asOf", "unknown-parameter");

        // management: the list as of an instant, for any signed-in reader
        assertEquals(1, listedAsOf(t1, exercise).getInt("revision"));
        assertEquals(2, listedAsOf(t3, exercise).getInt("revision"));
        assertNull(listedAsOf(beforeAny, exercise));
        team.anonymous.get("/api/manage/exercises?asOf=" + t1).expect(401);
        assertRule(team.author.api().get("/api/manage/exercises?asOf=" + Instant.now().plusSeconds(3600)), 400, "asOf", "not-future");
        assertRule(team.author.api().get("/api/manage/exercises?asOf=" + t1 + "&state=draft"), 400, "asOf", "not-with-state");
    }

    private JsonObject asOf(String path, Instant at) {
        Api.Reply reply = team.anonymous.get(path).expect(200);
        assertEquals(at.toString(), reply.header("X-Sacrum-As-Of"));
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply.header("Cache-Control"));
        assertNull(reply.header("X-Sacrum-Cache"), "never read from or written to the response cache");
        return reply.json();
    }

    private JsonObject listedAsOf(Instant at, String slug) {
        JsonObject list = team.author.api().get("/api/manage/exercises?size=500&asOf=" + at).expect(200).json();
        assertEquals(at.toString(), list.getString("asOf"));
        assertTrue(list.getJsonArray("items").size() < 500, "the test's entry is on the first page");
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("slug").equals(slug)).findFirst().orElse(null);
    }

    /** Edits, submits, approves and publishes a new revision of a published entry. */
    private void republish(String plural, String slug, JsonObject content) {
        JsonObject current = team.author.api().get(Team.path(plural, slug)).expect(200).json();
        team.author.api().put(Team.path(plural, slug), Samples.body(content, "new revision"), current.getString("etag")).expect(200);
        team.submit(plural, slug);
        team.approve(plural, slug, team.clinician2).expect(200);
        team.publisher.api().post(Team.path(plural, slug) + "/publish", null).expect(200);
    }

    private JsonObject exerciseV(String slug, String version) {
        return Samples.exerciseBuilder(slug).add("title", "Test pelvic tilt " + version)
                .add("warnings", Json.createArrayBuilder().add(team.slug("asof-warning"))).build();
    }

    /** An instant strictly between what happened before and what happens after (the server runs on this host's clock). */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant now = Instant.now();
        Thread.sleep(20);
        return now;
    }

    private static JsonObject withdrawal(String category, String reason, String successor) {
        var b = Json.createObjectBuilder();
        if (category != null) {
            b.add("category", category);
        }
        if (reason != null) {
            b.add("reason", reason);
        }
        if (successor != null) {
            b.add("successor", successor);
        }
        return b.build();
    }

    private static void assertRule(Api.Reply reply, int status, String field, String rule) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getString("field").equals(field) && v.getString("rule").equals(rule)), reply.toString());
    }

    /** The change feed's cursor after everything so far. */
    private String feedEnd() {
        String cursor = "0";
        for (JsonObject page = team.anonymous.get("/api/v1/changes?since=0&limit=1000").json(); !page.getJsonArray("items").isEmpty();
             page = team.anonymous.get("/api/v1/changes?since=" + cursor + "&limit=1000").json()) {
            cursor = page.getString("next");
        }
        assertNotNull(cursor);
        return cursor;
    }

    private List<JsonObject> changesSince(String cursor, String slug) {
        return team.anonymous.get("/api/v1/changes?since=" + cursor + "&limit=1000").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("slug").equals(slug)).toList();
    }

    /** A review block (or an entry's, by its review) without what a point-in-time read leaves out: currency is judged today. */
    private static JsonObject withoutTodaysFacts(JsonObject reviewOrEntry) {
        if (reviewOrEntry.containsKey("review")) {
            return Json.createObjectBuilder(reviewOrEntry).add("review", withoutTodaysFacts(reviewOrEntry.getJsonObject("review"))).build();
        }
        jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder(reviewOrEntry);
        List.of("currency", "dueSoonFrom", "withdrawAfter").forEach(b::remove);
        return b.build();
    }
}
