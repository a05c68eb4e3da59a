package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Revisions and the clinical workflow over real HTTP: each content type from draft to published, each rule
 * broken once with the error it must give, optimistic locking, and concurrent writers.
 * Runs in {@link SharedDeploymentIT}.
 */
abstract class WorkflowIT extends OnSharedDeployment {

    // ---- helpers -------------------------------------------------------------------------------------------

    static String path(String plural, String slug) {
        return "/api/manage/" + plural + "/" + slug;
    }

    static Set<String> rules(Api.Reply reply) {
        assertEquals("application/problem+json", reply.mediaType(), reply.toString());
        JsonObject problem = reply.json();
        assertEquals(reply.status(), problem.getInt("status"));
        return problem.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("rule")).collect(Collectors.toSet());
    }

    // ---- the whole workflow ----------------------------------------------------------------------------------

    @Test
    void everyContentTypeWalksFromDraftToPublished() {
        String warningSlug = team.slug("walk-warning");
        team.publishNew("warnings", Samples.warning(warningSlug));
        Map<String, JsonObject> contents = Map.of(
                "exercises", Samples.exerciseBuilder(team.slug("walk-exercise"))
                        .add("warnings", Json.createArrayBuilder().add(warningSlug)).build(),
                "conditions", Samples.condition(team.slug("walk-condition")),
                "podcast-episodes", Samples.podcastEpisode(team.slug("walk-episode")));
        contents.forEach((plural, content) -> {
            String slug = content.getString("slug");
            Api.Reply created = team.create(plural, content);
            assertEquals("draft", created.json().getString("state"));
            assertNotNull(created.header("ETag"));
            assertEquals(404, team.anonymous.get("/api/v1/" + plural + "/" + slug).status(), "a draft must not be delivered");

            Api.Reply submitted = team.submit(plural, slug);
            assertEquals("in-review", submitted.json().getString("state"), submitted.toString());
            Api.Reply approved = team.approve(plural, slug, team.clinician).expect(200);
            assertEquals("clinically-reviewed", approved.json().getString("state"), approved.toString());
            JsonObject approval = approved.json().getJsonObject("approval");
            assertEquals(1, approval.getInt("revision"));
            assertEquals("Physiotherapist, HCPC PH" + team.suffix, approval.getString("credential"));
            assertEquals(LocalDate.now().plusMonths(12).toString(), approval.getString("nextReviewDue"));
            assertEquals(404, team.anonymous.get("/api/v1/" + plural + "/" + slug).status(), "approved is not yet published");

            Api.Reply published = team.publisher.api().post(path(plural, slug) + "/publish", null).expect(200);
            assertEquals("published", published.json().getString("state"), published.toString());
            Api.Reply delivered = team.anonymous.get("/api/v1/" + plural + "/" + slug);
            assertEquals(200, delivered.status(), delivered.toString());
            JsonObject review = delivered.json().getJsonObject("review");
            assertEquals("clinically-reviewed", review.getString("status"));
            assertEquals("Dr Clara Clinician", review.getString("reviewedBy"));
            assertFalse(delivered.json().getBoolean("sample"));
            assertEquals(content.getString("title"), delivered.json().getJsonObject("content").getString("title"));
        });
    }

    @Test
    void editingAPublishedEntryKeepsThePublicOnThePublishedRevisionUntilTheNewOneIsReviewed() {
        String slug = team.slug("edit-published");
        team.publishNew("conditions", Samples.condition(slug));
        JsonObject current = team.author.api().get(path("conditions", slug)).expect(200).json();
        JsonObject changed = Json.createObjectBuilder(current.getJsonObject("content")).add("summary", "A clearer summary.").build();
        Api.Reply edited = team.author.api().put(path("conditions", slug), Samples.body(changed, "clearer"), current.getString("etag"));
        assertEquals(200, edited.status(), edited.toString());
        assertEquals("draft", edited.json().getString("state"));
        assertEquals(2, edited.json().getInt("latestRevision"));
        assertEquals(1, edited.json().getInt("publishedRevision"));
        assertEquals(JsonValue.NULL, edited.json().get("approval"), "an edit voids the approval");

        Api.Reply publicView = team.anonymous.get("/api/v1/conditions/" + slug);
        assertEquals(1, publicView.json().getInt("revision"));
        assertEquals("Pain around the sacroiliac joints.", publicView.json().getJsonObject("content").getString("summary"));

        Api.Reply preview = team.author.api().get("/api/v1/conditions/" + slug + "?preview=true");
        assertEquals(2, preview.json().getInt("revision"));
        assertEquals("unreviewed-preview", preview.json().getJsonObject("review").getString("status"));
        assertTrue(preview.header("Cache-Control").contains("no-store"));
        assertEquals(401, team.anonymous.get("/api/v1/conditions/" + slug + "?preview=true").status());

        team.submit("conditions", slug);
        team.approve("conditions", slug, team.clinician).expect(200);
        team.publisher.api().post(path("conditions", slug) + "/publish", null).expect(200);
        assertEquals("A clearer summary.", team.anonymous.get("/api/v1/conditions/" + slug).json()
                .getJsonObject("content").getString("summary"));
    }

    @Test
    void revisionsDiffAndRestore() {
        String slug = team.slug("revisions");
        JsonObject v1 = Samples.exercise(slug);
        Api.Reply created = team.create("exercises", v1);
        JsonObject v2 = Json.createObjectBuilder(v1).add("summary", "Gently flatten the lower back against the mat <slowly>.").build();
        Api.Reply edited = team.author.api().put(path("exercises", slug), Samples.body(v2, "wording"), created.header("ETag"));
        assertEquals(200, edited.status(), edited.toString());

        Api.Reply unchanged = team.author.api().put(path("exercises", slug), Samples.body(v2, "same"), edited.header("ETag")).expect(200);
        assertEquals(2, unchanged.json().getInt("latestRevision"), "saving identical content makes no revision");

        var revisions = team.author.api().get(path("exercises", slug) + "/revisions").expect(200).json().getJsonArray("items");
        assertEquals(2, revisions.size());
        assertEquals("wording", revisions.getJsonObject(1).getString("changeNote"));
        assertEquals(team.author.username(), revisions.getJsonObject(1).getString("author"));
        assertNotEquals(revisions.getJsonObject(0).getString("contentHash"), revisions.getJsonObject(1).getString("contentHash"));

        JsonObject diff = team.author.api().get(path("exercises", slug) + "/diff?from=1&to=2").expect(200).json();
        List<JsonObject> changes = diff.getJsonArray("changes").getValuesAs(JsonObject.class);
        assertEquals(1, changes.size(), diff.toString());
        assertEquals("summary", changes.get(0).getString("field"));
        assertEquals("changed", changes.get(0).getString("change"));
        assertTrue(changes.get(0).getString("inline").contains("{+lower+}"), changes.get(0).toString());
        assertTrue(changes.get(0).getString("inline").contains("<slowly>"), "diffs are plain text, not HTML: " + changes.get(0));

        Api.Reply restored = team.author.api().call("POST", path("exercises", slug) + "/revisions/1/restore", null,
                Map.of("If-Match", unchanged.header("ETag")));
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(3, restored.json().getInt("latestRevision"));
        assertEquals(v1.getString("summary"), restored.json().getJsonObject("content").getString("summary"));
        assertEquals(1, team.author.api().get(path("exercises", slug) + "/revisions/3").expect(200).json().getInt("restoredFrom"));
        assertEquals(404, team.author.api().get(path("exercises", slug) + "/revisions/9").status());
    }

    // ---- every rule, broken ---------------------------------------------------------------------------------

    @Test
    void submittingIncompleteContentListsEveryMissingField() {
        String slug = team.slug("incomplete");
        team.create("warnings", Json.createObjectBuilder().add("title", "Half written").add("slug", slug).build());
        Api.Reply submitted = team.author.api().post(path("warnings", slug) + "/submit", null);
        assertEquals(422, submitted.status(), submitted.toString());
        Set<String> fields = submitted.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("field")).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("content.summary", "content.symptomPattern", "content.urgency", "content.action",
                "content.stages", "content.sources", "content.topics")), fields.toString());
        assertEquals("draft", team.author.api().get(path("warnings", slug)).expect(200).json().getString("state"), "nothing changed");
    }

    @Test
    void submittingWithBrokenLinksNamesThem() {
        String slug = team.slug("broken-links");
        team.create("exercises", Samples.exerciseBuilder(slug).add("conditions", Json.createArrayBuilder().add("no-such-condition")).build());
        Api.Reply submitted = team.author.api().post(path("exercises", slug) + "/submit", null);
        assertEquals(422, submitted.status());
        assertEquals(Set.of("links-resolve"), rules(submitted));
        assertTrue(submitted.text().contains("condition:no-such-condition"), submitted.text());
    }

    @Test
    void approvalRulesEachGiveTheirCode() {
        String slug = team.slug("approval-rules");
        team.create("conditions", Samples.condition(slug));
        Api clinician = team.clinician.api();
        Api.Reply early = team.approve("conditions", slug, team.clinician);
        assertEquals(409, early.status(), "approving a draft: " + early);
        assertTrue(rules(early).contains("transition-allowed"));

        team.submit("conditions", slug);
        JsonObject entry = team.author.api().get(path("conditions", slug)).expect(200).json();
        JsonObject good = team.approval(entry, team.clinician);

        Map<String, JsonObject> broken = Map.of(
                "approval-names-revision", Json.createObjectBuilder(good).add("revision", 7).build(),
                "approval-names-revision ", Json.createObjectBuilder(good).add("contentHash", "0".repeat(64)).build(),
                "printed-name-matches", Json.createObjectBuilder(good).add("printedName", "Someone Else").build(),
                "signer-reauthenticated", Json.createObjectBuilder(good).add("password", "not my password").build(),
                "size", Json.createObjectBuilder(good).add("attestation", "ok").build(),
                "not-blank", Json.createObjectBuilder(good).remove("attestation").build(),
                "review-due-valid", Json.createObjectBuilder(good).add("nextReviewDue", LocalDate.now().minusDays(1).toString()).build());
        broken.forEach((rule, body) -> {
            Api.Reply reply = clinician.post(path("conditions", slug) + "/approve", body);
            assertEquals(422, reply.status(), rule + ": " + reply);
            assertTrue(rules(reply).contains(rule.trim()), rule + ": " + reply);
        });
        assertEquals("in-review", team.author.api().get(path("conditions", slug)).expect(200).json().getString("state"), "no rejected approval left a trace");

        Api.Reply byAuthor = team.author.api().post(path("conditions", slug) + "/approve", good);
        assertEquals(403, byAuthor.status(), "an author without the clinician role: " + byAuthor);
        clinician.post(path("conditions", slug) + "/approve", good).expect(200);
    }

    @Test
    void aClinicianCannotApproveTheirOwnRevision() {
        Team.Member both = team.member("author-clinician", "Dr Dual Role", "clinician", "Obstetrician");
        team.admin.call("PUT", "/api/manage/people/" + both.username() + "/roles/author", null, null).expect(200);
        String token = team.token(both.username(), "read", "write", "review");
        Team.Member dual = new Team.Member(both.username(), both.displayName(), team.anonymous.withToken(token));
        String slug = team.slug("own-revision");
        dual.api().post("/api/manage/conditions", Samples.body(Samples.condition(slug), null)).expect(201);
        dual.api().post(path("conditions", slug) + "/submit", null).expect(200);
        Api.Reply own = team.approve("conditions", slug, dual);
        assertEquals(422, own.status(), own.toString());
        assertEquals(Set.of("reviewer-not-author"), rules(own));
        team.approve("conditions", slug, team.clinician2).expect(200);
    }

    /** A clinician who also holds the author role, signing in with a token. */
    Team.Member clinicianWhoAlsoWrites(String name) {
        Team.Member both = team.member(name, "Dr " + name, "clinician", "Obstetrician");
        Api.Reply granted = team.admin.call("PUT", "/api/manage/people/" + both.username() + "/roles/author", null, null);
        assertEquals(200, granted.status(), granted.toString());
        String token = team.token(both.username(), "read", "write", "review");
        return new Team.Member(both.username(), both.displayName(), team.anonymous.withToken(token));
    }

    Api.Reply editAs(Team.Member who, String plural, String slug, java.util.function.UnaryOperator<JsonObject> change) {
        JsonObject current = who.api().get(path(plural, slug)).expect(200).json();
        Api.Reply edited = who.api().put(path(plural, slug), Samples.body(change.apply(current.getJsonObject("content")), null),
                current.getString("etag"));
        assertEquals(200, edited.status(), edited.toString());
        return edited;
    }

    @Test
    void nobodyWhoWroteAnyRevisionSinceTheLastApprovalMayApprove() {
        Team.Member dual = clinicianWhoAlsoWrites("dual-writer");
        String slug = team.slug("separation");
        team.create("warnings", Samples.warning(slug));
        editAs(dual, "warnings", slug, c -> Json.createObjectBuilder(c)
                .add("symptomPattern", "Low back pain that comes and goes **every 5 minutes**.").build()); // revision 2
        editAs(team.author, "warnings", slug, c -> Json.createObjectBuilder(c).add("title", "A plainer title " + slug).build()); // 3
        team.author.api().post(path("warnings", slug) + "/submit", null).expect(200);

        Api.Reply approved = team.approve("warnings", slug, dual);
        assertEquals(422, approved.status(), "approving revision 3 over one's own revision 2: " + approved);
        assertEquals(Set.of("reviewer-not-author"), rules(approved));
        assertTrue(approved.text().contains("you wrote revision(s) 2"), approved.text());
        JsonObject comments = Json.createObjectBuilder().add("revision", 3).add("comments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("field", "title").add("comment", "Fine by me."))).build();
        Api.Reply changes = dual.api().post(path("warnings", slug) + "/request-changes", comments);
        assertEquals(422, changes.status(), changes.toString());
        assertEquals(Set.of("reviewer-not-author"), rules(changes));
        team.approve("warnings", slug, team.clinician).expect(200);

        // after that approval, another author restores the dual clinician's revision 2: its content is theirs again
        String etag = team.author.api().get(path("warnings", slug)).expect(200).json().getString("etag");
        Api.Reply restored = team.author.api().call("POST", path("warnings", slug) + "/revisions/2/restore", null, Map.of("If-Match", etag));
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(4, restored.json().getInt("latestRevision"));
        team.author.api().post(path("warnings", slug) + "/submit", null).expect(200);
        Api.Reply afterRestore = team.approve("warnings", slug, dual);
        assertEquals(422, afterRestore.status(), "approving a restore of one's own revision: " + afterRestore);
        assertEquals(Set.of("reviewer-not-author"), rules(afterRestore));
        assertTrue(afterRestore.text().contains("you wrote revision(s) 4"), afterRestore.text());
        team.approve("warnings", slug, team.clinician2).expect(200);

        // once approved, what the dual clinician wrote before is reviewed: a later edit by someone else is theirs to review
        editAs(team.author, "warnings", slug, c -> Json.createObjectBuilder(c).add("action", "Call your maternity unit now.").build());
        team.author.api().post(path("warnings", slug) + "/submit", null).expect(200);
        team.approve("warnings", slug, dual).expect(200);
    }

    @Test
    void anyEditAfterApprovalVoidsItAndPublicationNeedsACurrentApproval() {
        String slug = team.slug("voided");
        JsonObject content = Samples.condition(slug);
        team.create("conditions", content);
        team.submit("conditions", slug);
        team.approve("conditions", slug, team.clinician).expect(200);
        JsonObject approved = team.author.api().get(path("conditions", slug)).expect(200).json();
        JsonObject edited = Json.createObjectBuilder(content).add("whenToSeekCare", "See a physiotherapist soon.").build();
        team.author.api().put(path("conditions", slug), Samples.body(edited, null), approved.getString("etag")).expect(200);

        Api.Reply publish = team.publisher.api().post(path("conditions", slug) + "/publish", null);
        assertEquals(409, publish.status(), publish.toString());
        assertTrue(rules(publish).containsAll(Set.of("transition-allowed", "approval-current")), publish.toString());
        assertEquals(404, team.anonymous.get("/api/v1/conditions/" + slug).status());
    }

    @Test
    void publicationNeedsTheLinkedWarningsPublishedFirst() {
        String warning = team.slug("unpublished-warning");
        team.create("warnings", Samples.warning(warning));
        String slug = team.slug("needs-warning");
        team.create("exercises", Samples.exerciseBuilder(slug).add("warnings", Json.createArrayBuilder().add(warning)).build());
        team.submit("exercises", slug);
        team.approve("exercises", slug, team.clinician).expect(200);
        Api.Reply publish = team.publisher.api().post(path("exercises", slug) + "/publish", null);
        assertEquals(422, publish.status(), publish.toString());
        assertEquals(Set.of("linked-warnings-published"), rules(publish));
        assertTrue(publish.text().contains(warning));

        team.submit("warnings", warning);
        team.approve("warnings", warning, team.clinician).expect(200);
        team.publisher.api().post(path("warnings", warning) + "/publish", null).expect(200);
        team.publisher.api().post(path("exercises", slug) + "/publish", null).expect(200);
    }

    @Test
    void changesRequestedGoBackToTheAuthorWithCommentsPerField() {
        String slug = team.slug("changes");
        JsonObject content = Samples.warning(slug);
        team.create("warnings", content);
        team.submit("warnings", slug);
        String url = path("warnings", slug) + "/request-changes";
        Api.Reply empty = team.clinician.api().post(url, Json.createObjectBuilder().add("revision", 1).add("comments", Json.createArrayBuilder()).build());
        assertEquals(422, empty.status(), empty.toString());
        assertTrue(rules(empty).contains("not-empty"));

        JsonObject request = Json.createObjectBuilder().add("revision", 1).add("comments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("field", "action").add("comment", "Say 'call your maternity unit now' if the belly hardens."))).build();
        Api.Reply requested = team.clinician.api().post(url, request).expect(200);
        assertEquals("changes-requested", requested.json().getString("state"), requested.toString());
        JsonObject comment = team.author.api().get(path("warnings", slug) + "/comments").expect(200).json().getJsonArray("items").getJsonObject(0);
        assertEquals("action", comment.getString("field"));
        assertEquals(team.clinician.username(), comment.getString("reviewer"));

        JsonObject fixed = Json.createObjectBuilder(content).add("action", "Call your maternity unit now if your belly hardens.").build();
        team.author.api().put(path("warnings", slug), Samples.body(fixed, "as the clinician asked"), requested.header("ETag")).expect(200);
        assertEquals("in-review", team.submit("warnings", slug).json().getString("state"));
    }

    static Set<String> allowed(Api.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.toString());
        return reply.json().getJsonArray("allowedActions").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    @Test
    void everyViewOffersTheCallerTheActionsTheWorkflowAllows() {
        String slug = team.slug("offered");
        Api.Reply created = team.create("warnings", Samples.warning(slug));
        assertEquals(Set.of("edit", "submit"), allowed(created), "the answer to an action carries them too");
        assertEquals(Set.of(), allowed(team.clinician.api().get(path("warnings", slug))));
        assertEquals(Set.of("archive"), allowed(team.publisher.api().get(path("warnings", slug))));
        assertEquals(Set.of("edit", "submit"), team.author.api().get("/api/manage/warnings?state=draft&size=500").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("slug").equals(slug)).findFirst().orElseThrow()
                .getJsonArray("allowedActions").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet()), "list items carry them");

        assertEquals(Set.of("edit"), allowed(team.author.api().post(path("warnings", slug) + "/submit", null)));
        assertEquals(Set.of("approve", "request-changes"), allowed(team.clinician.api().get(path("warnings", slug))));
        assertEquals(200, team.approve("warnings", slug, team.clinician).status());
        assertEquals(Set.of("publish", "archive"), allowed(team.publisher.api().get(path("warnings", slug))));
        assertEquals(Set.of("unpublish", "archive"), allowed(team.publisher.api().post(path("warnings", slug) + "/publish", null)));
        assertEquals(Set.of(), allowed(team.anonymous.withToken(team.token(team.publisher.username(), "read")).get(path("warnings", slug))),
                "a read-only token may take no action, whatever its owner's roles");
    }

    @Test
    void unpublishAndArchive() {
        String slug = team.slug("withdrawn");
        Api.Reply never = team.publisher.api().post(path("podcast-episodes", slug) + "/unpublish", null);
        assertEquals(404, never.status());
        team.create("podcast-episodes", Samples.podcastEpisode(slug));
        Api.Reply draft = team.publisher.api().post(path("podcast-episodes", slug) + "/unpublish", null);
        assertEquals(422, draft.status(), draft.toString());
        assertEquals(Set.of("has-published-revision"), rules(draft));

        team.submit("podcast-episodes", slug);
        team.approve("podcast-episodes", slug, team.clinician).expect(200);
        team.publisher.api().post(path("podcast-episodes", slug) + "/publish", null).expect(200);
        team.anonymous.get("/api/v1/podcast-episodes/" + slug).expect(200);
        assertEquals("unpublished", team.publisher.api().post(path("podcast-episodes", slug) + "/unpublish", null).expect(200).json().getString("state"));
        assertEquals(410, team.anonymous.get("/api/v1/podcast-episodes/" + slug).status(), "withdrawn is gone, not unknown (#13)");
        assertEquals("published", team.publisher.api().post(path("podcast-episodes", slug) + "/publish", null).expect(200).json().getString("state"),
                "the approval still holds for the unchanged revision");
        assertEquals("archived", team.publisher.api().post(path("podcast-episodes", slug) + "/archive", null).expect(200).json().getString("state"));
        assertEquals(410, team.anonymous.get("/api/v1/podcast-episodes/" + slug).status(), "archived once published: gone");
        Api.Reply edit = team.author.api().put(path("podcast-episodes", slug), Samples.body(Samples.podcastEpisode(slug), null), "*");
        assertEquals(409, edit.status(), "archived entries are read-only: " + edit);
    }

    // ---- optimistic locking and concurrency -------------------------------------------------------------------

    @Test
    void updatesNeedIfMatchAndRefuseStaleVersions() {
        String slug = team.slug("locking");
        Api.Reply created = team.create("conditions", Samples.condition(slug));
        JsonObject body = Samples.body(Json.createObjectBuilder(Samples.condition(slug)).add("summary", "Changed.").build(), null);
        Api.Reply missing = team.author.api().put(path("conditions", slug), body, null);
        assertEquals(428, missing.status());
        assertEquals("application/problem+json", missing.mediaType());
        team.author.api().put(path("conditions", slug), body, created.header("ETag")).expect(200);
        JsonObject again = Samples.body(Json.createObjectBuilder(Samples.condition(slug)).add("summary", "Changed again.").build(), null);
        assertEquals(412, team.author.api().put(path("conditions", slug), again, created.header("ETag")).status());
    }

    @Test
    void concurrentEditsLoseNoWrite() throws Exception {
        String slug = team.slug("concurrent-edits");
        team.create("conditions", Samples.condition(slug));
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String symptom = "Symptom written by writer " + i;
            attempts.add(pool.submit(() -> {
                for (int tries = 1; tries <= 50; tries++) { // read-modify-write, retrying on 412 like a real client
                    JsonObject current = team.author.api().get(path("conditions", slug)).expect(200).json();
                    var symptoms = Json.createArrayBuilder(current.getJsonObject("content").getJsonArray("symptoms")).add(symptom);
                    JsonObject next = Json.createObjectBuilder(current.getJsonObject("content")).add("symptoms", symptoms).build();
                    Api.Reply put = team.author.api().put(path("conditions", slug), Samples.body(next, null), current.getString("etag"));
                    if (put.status() == 200) {
                        return tries;
                    }
                    assertEquals(412, put.status(), put.toString());
                }
                return -1;
            }));
        }
        for (Future<Integer> attempt : attempts) {
            assertTrue(attempt.get() > 0, "a writer gave up");
        }
        pool.shutdown();
        JsonObject last = team.author.api().get(path("conditions", slug)).expect(200).json();
        assertEquals(1 + writers, last.getInt("latestRevision"));
        Set<String> symptoms = last.getJsonObject("content").getJsonArray("symptoms").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
        for (int i = 0; i < writers; i++) {
            assertTrue(symptoms.contains("Symptom written by writer " + i), "lost write " + i + ": " + symptoms);
        }
    }

    @Test
    void concurrentApprovalsAndPublishesCannotInterleave() throws Exception {
        String slug = team.slug("race");
        team.create("conditions", Samples.condition(slug));
        team.submit("conditions", slug);
        JsonObject entry = team.author.api().get(path("conditions", slug)).expect(200).json();
        List<Integer> approvals = race(
                () -> team.clinician.api().post(path("conditions", slug) + "/approve", team.approval(entry, team.clinician)).status(),
                () -> team.clinician2.api().post(path("conditions", slug) + "/approve", team.approval(entry, team.clinician2)).status());
        assertEquals(List.of(200, 409), approvals.stream().sorted().toList(), "exactly one approval wins");

        List<Integer> publishes = race(
                () -> team.publisher.api().post(path("conditions", slug) + "/publish", null).status(),
                () -> team.publisher.api().post(path("conditions", slug) + "/publish", null).status());
        assertEquals(List.of(200, 409), publishes.stream().sorted().toList(), "exactly one publish wins");

        List<JsonObject> audit = team.author.api().get(path("conditions", slug) + "/audit").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("create", "submit", "approve", "publish"), audit.stream().map(a -> a.getString("action")).toList());
        assertEquals("in-review", audit.get(2).getString("from"));
        assertEquals("clinically-reviewed", audit.get(2).getString("to"));
        assertEquals(1, audit.get(3).getInt("revision"));
    }

    @Test
    void parallelCreatesOfOneSlugGiveOneCreatedAndNineteenConflicts() throws Exception {
        String slug = team.slug("parallel-create");
        JsonObject body = Samples.body(Samples.condition(slug), "first");
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return team.author.api().post("/api/manage/conditions", body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get();
                statuses.add(reply.status());
                if (reply.status() == 409) {
                    assertEquals(Set.of("slug-unique"), rules(reply), reply.toString());
                    assertEquals("slug-taken", reply.json().getString("type").replaceAll(".*[/:]", ""), reply.toString());
                }
            }
            Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertEquals(Map.of(201, 1L, 409, (long) clients - 1), counts, "one created, the rest conflicts, no 500");
        } finally {
            pool.shutdown();
        }
        List<JsonObject> audit = team.author.api().get(path("conditions", slug) + "/audit").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("create"), audit.stream().map(a -> a.getString("action")).toList(), "the losers left no trace");
    }

    @SafeVarargs
    static List<Integer> race(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
