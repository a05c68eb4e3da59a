package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Webhooks over HTTP (#15): an admin subscribes a receiver inside the test; publications and withdrawals reach it
 * from the transactional outbox, signed (verified here with an HMAC computed by the test), in order per entry, after
 * the receiver's 503s with Retry-After; a change that rolls back sends nothing; internal targets are refused; a 410
 * disables; a rotated secret signs alongside the new one. Runs in {@link SharedDeploymentIT}.
 */
abstract class WebhooksIT extends OnSharedDeployment {
    private static final long WAIT_MILLIS = 60_000;
    private WebhookReceiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        subscriptions.forEach(id -> team.admin.call("DELETE", "/api/manage/webhooks/" + id, null, null));
        receiver.close();
    }

    private JsonObject subscribe(String url, List<String> events, List<String> contentTypes) {
        JsonArrayBuilder e = Json.createArrayBuilder();
        events.forEach(e::add);
        JsonArrayBuilder t = Json.createArrayBuilder();
        contentTypes.forEach(t::add);
        JsonObject created = team.admin.post("/api/manage/webhooks", Json.createObjectBuilder().add("url", url).add("events", e)
                .add("contentTypes", t).build()).expect(201).json();
        subscriptions.add(created.getString("id"));
        assertTrue(created.getString("secret").startsWith("whsec_"), created.toString());
        return created;
    }

    /** The receiver's requests about one slug, in arrival order. */
    private List<WebhookReceiver.Received> about(String path, String slug) {
        return receiver.at(path).stream().filter(r -> data(r).getString("slug").equals(slug)).toList();
    }

    private static JsonObject payload(WebhookReceiver.Received r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static JsonObject data(WebhookReceiver.Received r) {
        return payload(r).getJsonObject("data");
    }

    private List<WebhookReceiver.Received> waitFor(String path, String slug, Predicate<List<WebhookReceiver.Received>> done)
            throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<WebhookReceiver.Received> got = about(path, slug);
            if (done.test(got)) {
                return got;
            }
            assertTrue(System.currentTimeMillis() < until, "not within 60 s: " + got);
            Thread.sleep(200);
        }
    }

    private static List<WebhookReceiver.Received> acknowledged(List<WebhookReceiver.Received> got) {
        return got.stream().filter(r -> r.answered() == 200).toList();
    }

    /** The Standard Webhooks check a receiver makes, computed here independently: one of the v1 signatures matches. */
    static boolean signedWith(String secret, WebhookReceiver.Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return Set.of(r.signature().split(" ")).contains(expected);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyEventArrivesSignedAndInOrderAfterTheReceiversFailures() throws InterruptedException {
        // the first three requests fail: 503 with Retry-After (honoured), then 200
        String url = receiver.url("/ordered", n -> n <= 3 ? new WebhookReceiver.Answer(503, "1") : new WebhookReceiver.Answer(200, null));
        JsonObject sub = subscribe(url, List.of("entry.published", "entry.withdrawn"), List.of("warning"));
        String secret = sub.getString("secret");
        String slug = team.slug("hooked-warning");
        JsonObject published = team.publishNew("warnings", Samples.warning(slug));
        team.publisher.api().post(Team.path("warnings", slug) + "/unpublish", null).expect(200);

        List<WebhookReceiver.Received> got = waitFor("/ordered", slug, g -> acknowledged(g).size() >= 2);
        List<String> types = acknowledged(got).stream().map(r -> payload(r).getString("type")).toList();
        assertEquals(List.of("entry.published", "entry.withdrawn"), types, "in order: " + got);
        int firstWithdrawn = types.size();
        for (int i = 0; i < got.size(); i++) {
            if (payload(got.get(i)).getString("type").equals("entry.withdrawn")) {
                firstWithdrawn = i;
                break;
            }
        }
        assertTrue(got.subList(0, firstWithdrawn).stream().anyMatch(r -> r.answered() == 200),
                "the withdrawal was not sent before the publication was acknowledged: " + got);
        assertTrue(got.stream().filter(r -> r.answered() == 503).count() >= 3, "retried after the 503s: " + got);
        for (WebhookReceiver.Received r : got) {
            assertTrue(signedWith(secret, r), "valid signature: " + r);
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000) < 300, "within the 5-minute tolerance");
        }
        Set<String> publishIds = got.stream().filter(r -> payload(r).getString("type").equals("entry.published"))
                .map(WebhookReceiver.Received::id).collect(Collectors.toSet());
        assertEquals(1, publishIds.size(), "retries keep the webhook-id: " + got);
        JsonObject data = data(acknowledged(got).get(0));
        assertEquals("warning", data.getString("type"));
        assertEquals(slug, data.getString("slug"));
        assertEquals("en-GB", data.getString("locale"));
        assertEquals(published.getInt("publishedRevision"), data.getInt("revision"));
        assertEquals(published.getString("contentHash"), data.getString("contentHash"));
        assertTrue(data.getString("url").endsWith("/api/v1/warnings/" + slug), data.toString());
        assertEquals("retired", data(acknowledged(got).get(1)).getString("category"));

        List<JsonObject> deliveries = team.admin.get("/api/manage/webhooks/" + sub.getString("id") + "/deliveries").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, deliveries.size(), deliveries.toString());
        assertTrue(deliveries.stream().allMatch(d -> d.getString("status").equals("delivered")), deliveries.toString());
        JsonObject first = team.admin.get("/api/manage/webhooks/deliveries/" + deliveries.get(1).getJsonNumber("id")).expect(200).json();
        List<JsonObject> log = first.getJsonArray("attemptLog").getValuesAs(JsonObject.class);
        assertEquals(503, log.get(0).getInt("status"), first.toString());
        assertEquals("answer 503", log.get(0).getString("snippet"));
        assertEquals(200, log.get(log.size() - 1).getInt("status"), first.toString());
    }

    @Test
    void aChangeThatRollsBackSendsNothing() throws InterruptedException {
        String url = receiver.url("/rollback", n -> new WebhookReceiver.Answer(200, null));
        subscribe(url, List.of("entry.re-review-pending", "entry.withdrawn"), List.of());
        String warning = team.slug("hooked-linked-warning");
        team.publishNew("warnings", Samples.warning(warning));
        String exercise = team.slug("hooked-linking-exercise");
        team.publishNew("exercises", Samples.exerciseBuilder(exercise).add("warnings", Json.createArrayBuilder().add(warning)).build());

        // the forced withdrawal puts the exercise into re-review (an outbox row in that transaction), then the unknown
        // successor is refused in the same transaction: all of it rolls back
        Api.Reply refused = team.publisher.api().post(Team.path("warnings", warning) + "/unpublish", Json.createObjectBuilder()
                .add("force", true).add("reason", "replaced").add("category", "superseded")
                .add("successor", team.slug("no-such-warning")).build());
        assertEquals(422, refused.status(), refused.toString());
        JsonObject unflagged = team.publisher.api().get(Team.path("exercises", exercise)).expect(200).json();
        assertTrue(!unflagged.containsKey("reReview") || unflagged.isNull("reReview"), "rolled back: " + unflagged);
        Thread.sleep(3_000); // the dispatcher wakes within a second of a commit; nothing was committed
        assertEquals(List.of(), about("/rollback", exercise));
        assertEquals(List.of(), about("/rollback", warning));

        // the same withdrawal, committed: both events arrive (so the wait above could have seen them)
        team.publisher.api().post(Team.path("warnings", warning) + "/unpublish", Json.createObjectBuilder()
                .add("force", true).add("reason", "replaced").build()).expect(200);
        List<WebhookReceiver.Received> flagged = waitFor("/rollback", exercise, g -> !g.isEmpty());
        assertEquals("entry.re-review-pending", payload(flagged.get(0)).getString("type"));
        assertEquals("warning " + warning + " withdrawn", data(flagged.get(0)).getString("reason"));
        waitFor("/rollback", warning, g -> !g.isEmpty());
        assertEquals(1, about("/rollback", exercise).size(), "once");
    }

    @Test
    void internalTargetsAreRefusedAndOnlyAdminsSubscribe() {
        for (String internal : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook", "https://192.168.1.20/hook",
                "http://127.0.0.2/hook", "http://[::1]/hook", "http://[::ffff:10.0.0.1]/hook", "http://0.0.0.0/hook",
                "http://100.64.0.1/hook")) {
            Api.Reply reply = team.admin.post("/api/manage/webhooks", Json.createObjectBuilder().add("url", internal)
                    .add("events", Json.createArrayBuilder().add("entry.published")).build());
            ScheduleIT.expectRule(reply, 422, "url", "webhook-target-allowed");
        }
        JsonObject ok = Json.createObjectBuilder().add("url", receiver.url("/admin-only", n -> new WebhookReceiver.Answer(200, null)))
                .add("events", Json.createArrayBuilder().add("entry.published")).build();
        ScheduleIT.expectRule(team.admin.post("/api/manage/webhooks", Json.createObjectBuilder(ok).add("url", "ftp://example.org/x").build()),
                422, "url", "pattern");
        ScheduleIT.expectRule(team.admin.post("/api/manage/webhooks", Json.createObjectBuilder(ok)
                .add("events", Json.createArrayBuilder().add("entry.deleted")).build()), 422, "events[0]", "event-type-known");
        assertEquals(401, team.anonymous.post("/api/manage/webhooks", ok).status());
        assertEquals(403, team.publisher.api().post("/api/manage/webhooks", ok).status());
        assertEquals(403, team.publisher.api().get("/api/manage/webhooks").status());
        Api readOnlyAdmin = team.anonymous.withToken(team.token("admin", "read"));
        assertEquals(403, readOnlyAdmin.post("/api/manage/webhooks", ok).status(), "a token never exceeds its scopes");
        assertEquals(400, team.admin.get("/api/manage/webhooks/deliveries?limit=0").status());
        assertEquals(400, team.admin.get("/api/manage/webhooks/deliveries?status=lost").status());
        assertEquals(404, team.admin.get("/api/manage/webhooks/deliveries/x1").status());
    }

    @Test
    void aGoneReceiverDisablesItsSubscription() throws InterruptedException {
        String url = receiver.url("/gone", n -> new WebhookReceiver.Answer(410, null));
        JsonObject sub = subscribe(url, List.of("entry.published"), List.of("warning"));
        String slug = team.slug("hooked-gone");
        team.publishNew("warnings", Samples.warning(slug));
        waitFor("/gone", slug, g -> !g.isEmpty());
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        JsonObject view;
        while ((view = team.admin.get("/api/manage/webhooks/" + sub.getString("id")).expect(200).json()).getBoolean("enabled")) {
            assertTrue(System.currentTimeMillis() < until, view.toString());
            Thread.sleep(200);
        }
        assertTrue(view.getString("disabledReason").contains("410"), view.toString());
        List<JsonObject> failed = team.admin.get("/api/manage/webhooks/" + sub.getString("id") + "/deliveries?status=failed").expect(200)
                .json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, failed.size(), failed.toString());
        assertEquals(1, failed.get(0).getInt("attempts"), "a 410 is not retried");
        assertEquals(410, failed.get(0).getInt("lastStatus"));
    }

    @Test
    void aRefusedDeliveryIsNotRetriedButAnAdminRedeliversIt() throws InterruptedException {
        String url = receiver.url("/redeliver", n -> new WebhookReceiver.Answer(n == 1 ? 400 : 200, null));
        JsonObject sub = subscribe(url, List.of("entry.published"), List.of("warning"));
        String slug = team.slug("hooked-redelivered");
        team.publishNew("warnings", Samples.warning(slug));
        waitFor("/redeliver", slug, g -> !g.isEmpty());
        Thread.sleep(1500);
        assertEquals(1, about("/redeliver", slug).size(), "a 400 is final");
        List<JsonObject> failed = team.admin.get("/api/manage/webhooks/deliveries?status=failed").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> sub.getString("id").equals(d.getString("subscription", ""))).toList();
        assertEquals(1, failed.size(), failed.toString());
        team.admin.post("/api/manage/webhooks/deliveries/" + failed.get(0).getJsonNumber("id") + "/redeliver", null).expect(200);
        List<WebhookReceiver.Received> got = waitFor("/redeliver", slug, g -> !acknowledged(g).isEmpty());
        assertEquals(got.get(0).id(), got.get(1).id(), "the same message");
        assertTrue(signedWith(sub.getString("secret"), got.get(1)));
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOne() throws InterruptedException {
        String url = receiver.url("/rotated", n -> new WebhookReceiver.Answer(200, null));
        JsonObject sub = subscribe(url, List.of("entry.published"), List.of("warning"));
        JsonObject rotated = team.admin.post("/api/manage/webhooks/" + sub.getString("id") + "/rotate-secret", null).expect(200).json();
        assertNotEquals(sub.getString("secret"), rotated.getString("secret"));
        assertTrue(rotated.containsKey("previousSecretValidUntil"), rotated.toString());
        assertFalse(team.admin.get("/api/manage/webhooks/" + sub.getString("id")).expect(200).json().containsKey("secret"), "shown once");
        String slug = team.slug("hooked-rotated");
        team.publishNew("warnings", Samples.warning(slug));
        WebhookReceiver.Received r = waitFor("/rotated", slug, g -> !g.isEmpty()).get(0);
        assertEquals(2, r.signature().split(" ").length, r.signature());
        assertTrue(signedWith(sub.getString("secret"), r), "the previous secret still verifies");
        assertTrue(signedWith(rotated.getString("secret"), r), "the new secret verifies");
        assertFalse(signedWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), r), "another secret does not");
    }

    @Test
    void aScheduledPublicationTheRulesRefuseIsAnnounced() throws InterruptedException {
        String url = receiver.url("/schedule", n -> new WebhookReceiver.Answer(200, null));
        subscribe(url, List.of("entry.schedule-failed"), List.of("warning"));
        String slug = team.slug("hooked-schedule");
        team.create("warnings", Samples.warning(slug));
        team.submit("warnings", slug);
        team.approve("warnings", slug, team.clinician).expect(200);
        ScheduleIT.putSchedule(team.publisher, "warnings", slug, ScheduleIT.schedule(ScheduleIT.serverNow(team).plusSeconds(2), null),
                ScheduleIT.etag(team, "warnings", slug)).expect(200);
        JsonObject edited = Json.createObjectBuilder(Samples.warning(slug)).add("title", "Edited after the approval").build();
        team.author.api().put(Team.path("warnings", slug), Samples.body(edited, "voids the approval"),
                ScheduleIT.etag(team, "warnings", slug)).expect(200);
        ScheduleIT.runJobsUntil(team, "warnings", slug, v -> !v.isNull("scheduleFailed"));
        JsonObject data = data(waitFor("/schedule", slug, g -> !g.isEmpty()).get(0));
        assertEquals("publish", data.getString("action"), data.toString());
        assertTrue(data.getJsonArray("rules").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(r -> r.getString().equals("approval-current")), data.toString());
    }
}
