package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sacrum.it.Team.path;

/**
 * An approval covers what the reader sees (#13): the linked entries' published revisions are recorded with it,
 * publication checks them (linked-revisions-current), a republished warning puts the published entries that link to
 * it into re-review (the red-flag cascade), and a linked warning is withdrawn only with force and a reason.
 * On entries of its own; the seed is not touched.
 */
abstract class LinkedReviewIT extends OnSharedDeployment {

    @Test
    void aRepublishedWarningPutsLinkedEntriesIntoReReviewUntilAClinicianApprovesThemAgain() {
        String warning = team.slug("linked-flag");
        JsonObject warningContent = Samples.warning(warning);
        JsonObject publishedWarning = team.publishNew("warnings", warningContent);
        String exercise = team.slug("linked-published");
        JsonObject published = team.publishNew("exercises", Samples.exerciseBuilder(exercise)
                .add("warnings", Json.createArrayBuilder().add(warning)).build());

        JsonObject manifest = published.getJsonObject("approval").getJsonObject("linkedRevisions");
        assertEquals(64, manifest.getString("manifestHash").length(), manifest.toString());
        assertEquals(List.of(Json.createObjectBuilder().add("type", "warning").add("slug", warning).add("published", true)
                .add("revision", 1).add("contentHash", publishedWarning.getString("contentHash")).build()),
                manifest.getJsonArray("items"), "the approval recorded the warning's published revision and hash");
        assertEquals(JsonValue.NULL, published.get("reReview"));

        String before = team.slug("linked-approved-before");
        team.create("exercises", Samples.exerciseBuilder(before).add("warnings", Json.createArrayBuilder().add(warning)).build());
        team.submit("exercises", before);
        team.approve("exercises", before, team.clinician).expect(200);

        // the warning is edited, approved and republished as revision 2
        String etag = team.author.api().get(path("warnings", warning)).expect(200).header("ETag");
        JsonObject changed = Json.createObjectBuilder(warningContent).add("action", "Call your maternity unit now; do not wait.").build();
        team.author.api().put(path("warnings", warning), Samples.body(changed, "stronger advice"), etag).expect(200);
        team.submit("warnings", warning);
        team.approve("warnings", warning, team.clinician).expect(200);
        team.publisher.api().post(path("warnings", warning) + "/publish", null).expect(200);

        JsonObject flagged = team.publisher.api().get(path("exercises", exercise)).expect(200).json();
        assertEquals("published", flagged.getString("state"), "it stays published");
        assertEquals(1, flagged.getInt("publishedRevision"));
        assertEquals("warning " + warning + " republished as revision 2", flagged.getJsonObject("reReview").getString("reason"));
        assertTrue(flagged.getJsonObject("reReview").containsKey("since"));
        List<String> actions = team.author.api().get(path("exercises", exercise) + "/audit").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("action")).toList();
        assertTrue(actions.contains("re-review-flagged"), actions.toString());
        assertEquals(JsonValue.NULL, team.publisher.api().get(path("exercises", before)).json().get("reReview"),
                "an entry that is not published is not flagged: publication checks it");

        JsonObject delivered = team.anonymous.get("/api/v1/exercises/" + exercise + "?include=warnings").expect(200).json();
        assertEquals(2, delivered.getJsonObject("included").getJsonArray("warnings").getJsonObject(0).getInt("revision"),
                "readers get the new red flag at once");
        assertEquals("warning " + warning + " republished as revision 2", delivered.getJsonObject("review").getString("reReviewReason"));

        // approved before the republication: it cannot be published, and the view says why
        Api.Reply refused = team.publisher.api().post(path("exercises", before) + "/publish", null);
        assertEquals(422, refused.status(), refused.toString());
        JsonObject violation = refused.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("linked-revisions-current", violation.getString("rule"));
        assertEquals("links.warnings[" + warning + "]", violation.getString("field"));
        assertTrue(violation.getString("message").contains("approved with its published revision 1, now published revision 2"),
                violation.toString());
        assertTrue(team.publisher.api().get(path("exercises", before)).json().getJsonArray("blockedActions").getValuesAs(JsonObject.class)
                .stream().anyMatch(b -> b.getString("action").equals("publish") && b.getString("rule").equals("linked-revisions-current")));
        assertEquals(404, team.anonymous.get("/api/v1/exercises/" + before).status());

        // the unchanged published exercise goes to a clinician again, is approved and republished: the flag clears
        assertEquals("in-review", team.submit("exercises", exercise).json().getString("state"));
        team.approve("exercises", exercise, team.clinician).expect(200);
        JsonObject cleared = team.publisher.api().post(path("exercises", exercise) + "/publish", null).expect(200).json();
        assertEquals(JsonValue.NULL, cleared.get("reReview"));
        assertEquals(2, cleared.getJsonObject("approval").getJsonObject("linkedRevisions").getJsonArray("items").getJsonObject(0).getInt("revision"));
        assertEquals(JsonValue.NULL, team.anonymous.get("/api/v1/exercises/" + exercise).expect(200).json()
                .getJsonObject("review").get("reReviewReason"), "the delivery cache was cleared");
    }

    @Test
    void aLinkedWarningIsWithdrawnOnlyWithForceAndAReason() {
        String warning = team.slug("linked-withdrawn");
        team.publishNew("warnings", Samples.warning(warning));
        String exercise = team.slug("linked-to-withdrawn");
        team.publishNew("exercises", Samples.exerciseBuilder(exercise).add("warnings", Json.createArrayBuilder().add(warning)).build());

        Api.Reply refused = team.publisher.api().post(path("warnings", warning) + "/unpublish", null);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("application/problem+json", refused.mediaType());
        assertEquals(List.of("linkedBy.exercises[" + exercise + "]"), refused.json().getJsonArray("violations").getValuesAs(JsonObject.class)
                .stream().map(v -> v.getString("field")).toList());
        assertEquals("warning-still-linked", refused.json().getJsonArray("violations").getJsonObject(0).getString("rule"));
        assertEquals(409, team.publisher.api().post(path("warnings", warning) + "/archive", null).status(), "archiving too");

        Api.Reply noReason = team.publisher.api().post(path("warnings", warning) + "/unpublish", Json.createObjectBuilder().add("force", true).build());
        assertEquals(422, noReason.status(), noReason.toString());
        assertEquals("force-reason-required", noReason.json().getJsonArray("violations").getJsonObject(0).getString("rule"));
        Api.Reply tooLong = team.publisher.api().post(path("warnings", warning) + "/unpublish",
                Json.createObjectBuilder().add("force", true).add("reason", "x".repeat(301)).build());
        assertEquals(422, tooLong.status(), tooLong.toString());
        assertEquals(400, team.publisher.api().post(path("warnings", warning) + "/unpublish",
                Json.createObjectBuilder().add("force", "yes").build()).status());
        assertEquals(400, team.publisher.api().post(path("warnings", warning) + "/unpublish",
                Json.createObjectBuilder().add("forced", true).build()).status(), "unknown field");
        assertEquals(200, team.anonymous.get("/api/v1/warnings/" + warning).status(), "nothing was withdrawn");

        team.publisher.api().post(path("warnings", warning) + "/unpublish",
                Json.createObjectBuilder().add("force", true).add("reason", "Superseded by updated guidance").build()).expect(200);
        assertEquals(410, team.anonymous.get("/api/v1/warnings/" + warning).status(), "withdrawn: gone");
        JsonObject flagged = team.publisher.api().get(path("exercises", exercise)).expect(200).json();
        assertEquals("published", flagged.getString("state"));
        assertEquals("warning " + warning + " withdrawn", flagged.getJsonObject("reReview").getString("reason"));
        JsonObject audited = team.author.api().get(path("exercises", exercise) + "/audit").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("action").equals("re-review-flagged")).findFirst().orElseThrow();
        assertEquals(team.publisher.username(), audited.getString("actor"));
        assertTrue(audited.getString("detail").endsWith("Superseded by updated guidance"), audited.toString());
        assertEquals(200, team.anonymous.get("/api/v1/exercises/" + exercise).status(), "the exercise stays published");
    }
}
