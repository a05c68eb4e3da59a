package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.sacrum.it.Team.path;

/**
 * Review currency as a lifecycle, over HTTP, as the LAST class of the shared deployment because it moves the clock
 * weeks ahead and runs the jobs (which withdraw seeded entries other feature tests read): an exercise approved with a near next
 * review date goes current, due-soon, overdue, and under workflow.json's withdraw-after-grace (30 days) is withdrawn
 * by the currency job the day after its grace (not on its last day), as actor system, once; a warning under the same
 * clock is overdue but stays published.
 */
abstract class ClinicalCurrencyIT extends OnSharedDeployment {

    @AfterEach
    void resetClock() {
        team.admin.call("DELETE", "/api/manage/clock", null, null).expect(200);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(team.admin.get("/api/manage/clock").expect(200).json().getString("now")), ZoneOffset.UTC);
    }

    private void clockAt(LocalDate day) {
        team.admin.call("PUT", "/api/manage/clock", Json.createObjectBuilder().add("now", day + "T12:00:00Z").build(), null).expect(200);
    }

    private List<String> runJobs() {
        return team.admin.post("/api/manage/jobs/run", null).expect(200).json().getJsonArray("done")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** Create, submit, approve with this next review date, publish. */
    private void publishDue(String plural, JsonObject content, LocalDate nextReviewDue) {
        String slug = content.getString("slug");
        team.create(plural, content);
        team.submit(plural, slug);
        JsonObject entry = team.author.api().get(path(plural, slug)).expect(200).json();
        JsonObject approval = Json.createObjectBuilder(team.approval(entry, team.clinician)).add("nextReviewDue", nextReviewDue.toString()).build();
        team.clinician.api().post(path(plural, slug) + "/approve", approval).expect(200);
        team.publisher.api().post(path(plural, slug) + "/publish", null).expect(200);
    }

    private JsonObject delivered(String plural, String slug) {
        return team.anonymous.get("/api/v1/" + plural + "/" + slug).expect(200).json().getJsonObject("review");
    }

    private JsonObject managed(String plural, String slug) {
        return team.author.api().get(path(plural, slug)).expect(200).json();
    }

    private List<String> slugsWith(String plural, String currency) {
        return team.author.api().get("/api/manage/" + plural + "?currency=" + currency + "&size=500").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("slug")).toList();
    }

    /** The entry.review-due webhooks about one slug that the receiver acknowledged, waiting up to 60 s for {@code count}. */
    private List<JsonObject> reviewDue(WebhookReceiver receiver, String slug, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            List<JsonObject> got = receiver.at("/review-due").stream().map(r -> Json.createReader(new StringReader(r.body())).readObject())
                    .filter(p -> p.getJsonObject("data").getString("slug").equals(slug)).toList();
            if (got.size() >= count || System.currentTimeMillis() > until) {
                return got;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anEntryGoesDueSoonOverdueAndUnderWithdrawAfterGraceIsWithdrawnAfterItsGraceButAWarningIsNot() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String subscription = team.admin.post("/api/manage/webhooks", Json.createObjectBuilder()
                    .add("url", receiver.url("/review-due", n -> new WebhookReceiver.Answer(200, null)))
                    .add("events", Json.createArrayBuilder().add("entry.review-due")).add("contentTypes", Json.createArrayBuilder().add("exercise"))
                    .build()).expect(201).json().getString("id");
            try {
                lifecycle(receiver);
            } finally {
                team.admin.call("DELETE", "/api/manage/webhooks/" + subscription, null, null);
            }
        }
    }

    private void lifecycle(WebhookReceiver receiver) throws Exception {
        LocalDate today = today();
        LocalDate due = today.plusDays(40);
        String exercise = team.slug("currency-exercise");
        String warning = team.slug("currency-warning");
        String later = team.slug("currency-later");
        publishDue("warnings", Samples.warning(warning), due);
        publishDue("exercises", Samples.exercise(exercise), due);
        publishDue("exercises", Samples.exercise(later), due.plusMonths(6));

        JsonObject review = delivered("exercises", exercise);
        assertEquals("current", review.getString("currency"), review.toString());
        assertEquals(due.toString(), review.getString("nextReviewDue"));
        assertEquals(due.minusDays(30).toString(), review.getString("dueSoonFrom"), "workflow.json's dueSoonDays is 30");
        assertFalse(review.getBoolean("dueForReview"));
        assertFalse(review.containsKey("withdrawAfter"), "only once overdue");
        JsonObject currency = managed("exercises", exercise).getJsonObject("currency");
        assertEquals("current", currency.getString("status"));
        assertEquals(due.plusDays(30).toString(), currency.getString("withdrawAfter"), "exercises: withdraw-after-grace, 30 days");
        assertFalse(managed("warnings", warning).getJsonObject("currency").containsKey("withdrawAfter"), "a warning is never withdrawn");
        assertEquals(JsonValue.NULL, team.create("exercises", Samples.exercise(team.slug("currency-draft"))).json().get("currency"),
                "a draft has no currency");

        runJobs();
        assertEquals(List.of(), reviewDue(receiver, exercise, 0), "current: nothing announced");
        clockAt(due.minusDays(30)); // the first day of the window; the cached response of yesterday is not served
        assertEquals("due-soon", delivered("exercises", exercise).getString("currency"));
        runJobs();
        runJobs();
        List<JsonObject> announced = reviewDue(receiver, exercise, 1);
        assertEquals(1, announced.size(), "due-soon announced once however often the job runs: " + announced);
        assertEquals("entry.review-due", announced.get(0).getString("type"));
        assertEquals("due-soon", announced.get(0).getJsonObject("data").getString("currency"));
        assertEquals(due.toString(), announced.get(0).getJsonObject("data").getString("nextReviewDue"));
        assertEquals(List.of(), reviewDue(receiver, later, 0), "not yet in its window");
        assertEquals(List.of(), reviewDue(receiver, warning, 0), "the subscription is for exercises only");
        assertEquals("current", delivered("exercises", later).getString("currency"));
        assertTrue(slugsWith("exercises", "due-soon").contains(exercise));
        assertFalse(slugsWith("exercises", "due-soon").contains(later));
        assertTrue(slugsWith("exercises", "current").contains(later));

        clockAt(due); // the due date itself: due, not yet past
        review = delivered("exercises", exercise);
        assertEquals("due-soon", review.getString("currency"));
        assertTrue(review.getBoolean("dueForReview"));

        clockAt(due.plusDays(1));
        review = delivered("exercises", exercise);
        assertEquals("overdue", review.getString("currency"), review.toString());
        assertEquals(due.plusDays(30).toString(), review.getString("withdrawAfter"));
        assertEquals("overdue", managed("exercises", exercise).getJsonObject("currency").getString("status"));
        assertEquals("overdue", delivered("warnings", warning).getString("currency"));
        assertFalse(delivered("warnings", warning).containsKey("withdrawAfter"));
        assertTrue(slugsWith("exercises", "overdue").contains(exercise));
        assertFalse(slugsWith("exercises", "due-soon").contains(exercise));
        assertTrue(slugsWith("warnings", "overdue").contains(warning));
        runJobs();
        announced = reviewDue(receiver, exercise, 2);
        assertEquals(List.of("due-soon", "overdue"), announced.stream().map(p -> p.getJsonObject("data").getString("currency")).toList());

        clockAt(due.plusDays(30)); // the last day of grace: still published
        assertTrue(runJobs().stream().noneMatch(d -> d.contains(exercise)));
        assertEquals("overdue", delivered("exercises", exercise).getString("currency"));

        clockAt(due.plusDays(31));
        List<String> done = runJobs();
        assertTrue(done.stream().anyMatch(d -> d.startsWith("withdrew") && d.contains(exercise)), done.toString());
        assertTrue(done.stream().noneMatch(d -> d.contains(warning)), "a warning is never withdrawn automatically: " + done);
        assertTrue(done.stream().noneMatch(d -> d.contains(later)), done.toString());
        Api.Reply gone = team.anonymous.get("/api/v1/exercises/" + exercise);
        assertEquals(410, gone.status(), "withdrawn: " + gone);
        assertEquals("clinical-safety", gone.json().getString("category"), "a lapsed review is a clinical-safety withdrawal");
        JsonObject withdrawn = managed("exercises", exercise);
        assertEquals("unpublished", withdrawn.getString("state"));
        assertEquals(JsonValue.NULL, withdrawn.get("currency"));
        assertEquals("overdue", delivered("warnings", warning).getString("currency"), "the red flag stays published, flagged");
        assertEquals("current", delivered("exercises", later).getString("currency"));

        List<JsonObject> audit = team.publisher.api().get(path("exercises", exercise) + "/audit").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject unpublish = audit.stream().filter(a -> a.getString("action").equals("unpublish")).findFirst().orElseThrow(() -> new AssertionError(audit.toString()));
        assertEquals("system", unpublish.getString("actor"));
        assertTrue(unpublish.getString("detail").contains("review overdue"), unpublish.toString());
        assertEquals("system", audit.stream().filter(a -> a.getString("action").equals("withdraw")).findFirst().orElseThrow(() -> new AssertionError(audit.toString()))
                .getString("actor"));

        assertTrue(runJobs().stream().noneMatch(d -> d.contains(exercise)), "withdrawn once");
        assertEquals(1, team.publisher.api().get(path("exercises", exercise) + "/audit").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("action").equals("unpublish")).count());
    }

    @Test
    void anUnknownCurrencyIsRefusedNamingTheParameter() {
        Api.Reply refused = team.author.api().get("/api/manage/exercises?currency=stale").expect(400);
        assertEquals("application/problem+json", refused.mediaType());
        assertTrue(refused.text().contains("\"currency\"") && refused.text().contains("one-of"), refused.text());
    }
}
