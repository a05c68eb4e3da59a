package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sacrum.edge.entity.SurrogateKeys;

import java.io.File;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #15, part 4: Varnish (deploy/varnish) in front of the shared deployment, purged by surrogate keys. Reads
 * through Varnish are hits the second time; a republished linked warning, a withdrawal and a republication reach the
 * edge within {@link #REACHES_EDGE_MILLIS} ms of the management response, far below the 60 s the edge would otherwise
 * keep them: Sacrum purges it through its outbox (the dispatcher calls EdgePurge); nothing here purges for a change. Varnish listens
 * on the fixed port {@link #VARNISH_PORT}, which arquillian.xml gives Sacrum as {@code sacrum.edge.purge-urls}; the
 * backend (Sacrum's random port) is only known after deployment, so Varnish is started here. The build installs
 * varnish and varnish-modules (deploy/install-varnish.sh); the test is skipped only where varnishd is absent.
 */
abstract class EdgeIT extends OnSharedDeployment {
    static final int VARNISH_PORT = 16081;
    static final long REACHES_EDGE_MILLIS = 2000;
    private static Process varnish;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    Api edge;

    @BeforeEach
    void startVarnishInFrontOfSacrum() throws Exception {
        assumeTrue(new File("/usr/sbin/varnishd").canExecute(), "varnishd is not installed (bash deploy/install-varnish.sh)");
        if (varnish == null) {
            Path workdir = Path.of("target", "edge-it-varnish").toAbsolutePath();
            Files.createDirectories(workdir);
            ProcessBuilder builder = new ProcessBuilder("bash", "deploy/varnish/run.sh").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workdir.resolveSibling("edge-it-varnish.log").toFile()));
            builder.environment().put("VARNISH_LISTEN", "127.0.0.1:" + VARNISH_PORT);
            builder.environment().put("SACRUM_BACKEND", "127.0.0.1:" + base.getPort());
            builder.environment().put("VARNISH_WORKDIR", workdir.toString());
            builder.environment().put("VARNISH_STORAGE", "malloc,64m");
            varnish = builder.start();
            waitForPort(VARNISH_PORT, 60_000);
        }
        edge = new Api(new URL("http", "127.0.0.1", VARNISH_PORT, base.getPath()));
    }

    @AfterAll
    static void stopVarnish() throws InterruptedException {
        if (varnish != null) {
            varnish.descendants().forEach(ProcessHandle::destroy);
            varnish.destroy();
            varnish.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            varnish = null;
        }
    }

    @Test
    void sacrumTagsDetailsWithTheEntryAndWhatItLinksToAndListsWithTheirListKeys() {
        String warning = team.slug("edge-tag-warning");
        String exercise = team.slug("edge-tag-tilt");
        team.publishNew("warnings", Samples.warning(warning));
        team.publishNew("exercises", Samples.exerciseBuilder(exercise).add("warnings", Json.createArrayBuilder().add(warning)).build());
        for (int read = 0; read < 2; read++) { // rendered, then from Sacrum's own response cache: the same keys
            Set<String> detail = keys(team.anonymous.get("/api/v1/exercises/" + exercise + "?include=warnings").expect(200));
            assertTrue(detail.containsAll(Set.of("entry:exercise/" + exercise, "type:exercise", "entry:warning/" + warning)), detail.toString());
            Set<String> list = keys(team.anonymous.get("/api/v1/exercises?warning=" + warning).expect(200));
            assertTrue(list.containsAll(Set.of("list:exercise", "type:exercise", "list:warning")), list.toString());
            Set<String> ofWarning = keys(team.anonymous.get("/api/v1/warnings/" + warning).expect(200));
            assertTrue(ofWarning.containsAll(Set.of("entry:warning/" + warning, "list:exercise")), "linkedFrom: " + ofWarning);
        }
        assertEquals(Set.of("changes"), keys(team.anonymous.get("/api/v1/changes?since=0&limit=1").expect(200)));
    }

    @Test
    void withdrawalsAndRepublicationsReachTheEdgeWithinTwoSecondsWithoutWaitingForExpiry() throws Exception {
        String warning = team.slug("edge-warning");
        String exercise = team.slug("edge-tilt");
        JsonObject warningContent = Samples.warning(warning);
        team.publishNew("warnings", warningContent);
        team.publishNew("exercises", Samples.exerciseBuilder(exercise).add("warnings", Json.createArrayBuilder().add(warning)).build());
        String detail = "/api/v1/exercises/" + exercise + "?include=warnings";
        String list = "/api/v1/exercises?warning=" + warning;

        Api.Reply direct = team.anonymous.get(detail).expect(200);
        Api.Reply second = hit(detail);
        assertTrue(header(second, "Age") != null, "a hit says how old it is");
        assertEquals(direct.text(), second.text());
        assertNull(header(second, "xkey"), "the surrogate keys stay inside the edge");
        assertEquals(1, hit(list).json().getInt("total"));

        // withdrawn: 410 at the edge, and gone from the list
        hit(detail);
        hit(list);
        team.publisher.api().post(Team.path("exercises", exercise) + "/unpublish",
                Json.createObjectBuilder().add("category", "clinical-safety").build()).expect(200);
        long withdrawn = untilEdgeServes(detail, r -> r.status() == 410);
        assertTrue(withdrawn <= REACHES_EDGE_MILLIS, "the withdrawal reached the edge in " + withdrawn + " ms");
        long leftList = untilEdgeServes(list, r -> r.status() == 200 && r.json().getInt("total") == 0);
        assertTrue(leftList <= REACHES_EDGE_MILLIS, "the list lost the withdrawn entry in " + leftList + " ms");
        assertEquals(410, edge.get(detail).status(), "a 410 is not kept as a stale 200");

        // republished: a 200 at the edge at once (the 410 was never stored), and back in the list
        team.publisher.api().post(Team.path("exercises", exercise) + "/publish", null).expect(200);
        long back = untilEdgeServes(detail, r -> r.status() == 200);
        assertTrue(back <= REACHES_EDGE_MILLIS, "the republication reached the edge in " + back + " ms");
        long inList = untilEdgeServes(list, r -> r.status() == 200 && r.json().getInt("total") == 1);
        assertTrue(inList <= REACHES_EDGE_MILLIS, "the list has it again in " + inList + " ms");

        // a republished red-flag warning: the exercise page showing it (include=warnings) changes at the edge
        assertEquals(1, includedWarningRevision(hit(detail)), "cached again");
        hit(list);
        republish("warnings", warning, Json.createObjectBuilder(warningContent).add("action", "Call your maternity unit now.").build());
        long republished = untilEdgeServes(detail, r -> r.status() == 200 && includedWarningRevision(r) == 2);
        assertTrue(republished <= REACHES_EDGE_MILLIS, "the new warning reached the exercise page in " + republished + " ms");
        assertTrue(edge.get(list).json().getJsonArray("items").getJsonObject(0).getJsonObject("review").containsKey("reReviewReason"));
        long flagged = untilEdgeServes(list, r -> !r.json().getJsonArray("items").getJsonObject(0).getJsonObject("review")
                .isNull("reReviewReason"));
        assertTrue(flagged <= REACHES_EDGE_MILLIS, "the list shows the re-review flag in " + flagged + " ms");
    }

    @Test
    void signedInPreviewsPassTheEdgeAndOnlyPurgesWithKeysAreAnswered() throws Exception {
        String exercise = team.slug("edge-preview");
        team.publishNew("exercises", Samples.exercise(exercise));
        Api.Reply preview = edge.withToken(team.token(team.author.username(), "read"))
                .get("/api/v1/exercises/" + exercise + "?preview=true").expect(200);
        assertEquals("pass", header(preview, "X-Cache"));
        assertEquals("unreviewed", header(preview, "X-Sacrum-Preview"));

        HttpResponse<String> noKeys = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + VARNISH_PORT + "/"))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noKeys.statusCode(), noKeys.body());
        hit("/api/v1/exercises/" + exercise);
        HttpResponse<String> purged = purge(SurrogateKeys.ofChange("exercise", exercise, "en"));
        assertEquals(200, purged.statusCode(), purged.body());
        assertTrue(Integer.parseInt(purged.headers().firstValue("X-Purged").orElse("0")) >= 1, "it says how many objects went: " + purged.body());
        assertEquals("miss", header(edge.get("/api/v1/exercises/" + exercise).expect(200), "X-Cache"));
    }

    private static HttpResponse<String> purge(Set<String> keys) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + VARNISH_PORT + "/"))
                .header("xkey-purge", SurrogateKeys.header(keys))
                .method("PURGE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The edge's answer once it is a hit: read again (a miss stores it) until Varnish answers from its cache. Sacrum's
     * own purge of a set-up publication may land after the first read, so more than one miss is allowed, not a timeout.
     */
    private Api.Reply hit(String path) throws InterruptedException {
        for (int read = 0; read < 50; read++) {
            Api.Reply reply = edge.get(path).expect(200);
            if ("hit".equals(header(reply, "X-Cache"))) {
                return reply;
            }
            Thread.sleep(100);
        }
        return fail("Varnish never answered " + path + " from its cache");
    }

    /** Milliseconds until the edge's answer meets the condition; fails after ten times the target. */
    private long untilEdgeServes(String path, Predicate<Api.Reply> condition) throws InterruptedException {
        long started = System.nanoTime();
        Api.Reply last = null;
        while (System.nanoTime() - started < REACHES_EDGE_MILLIS * 10 * 1_000_000) {
            last = edge.get(path);
            if (condition.test(last)) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(25);
        }
        return fail("the edge still answers " + last.status() + " " + last.headers() + " (Sacrum itself: "
                + team.anonymous.get(path).status() + ")");
    }

    private static int includedWarningRevision(Api.Reply reply) {
        return reply.json().getJsonObject("included").getJsonArray("warnings").getJsonObject(0).getInt("revision");
    }

    /** Edits, submits, approves and publishes a new revision of a published entry. */
    private void republish(String plural, String slug, JsonObject content) {
        JsonObject current = team.author.api().get(Team.path(plural, slug)).expect(200).json();
        team.author.api().put(Team.path(plural, slug), Samples.body(content, "new revision"), current.getString("etag")).expect(200);
        team.submit(plural, slug);
        team.approve(plural, slug, team.clinician2).expect(200);
        team.publisher.api().post(Team.path(plural, slug) + "/publish", null).expect(200);
    }

    private static String header(Api.Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    private static Set<String> keys(Api.Reply reply) {
        String value = header(reply, SurrogateKeys.HEADER);
        return value == null ? Set.of() : Set.copyOf(Arrays.asList(value.split(" ")));
    }

    private static void waitForPort(int port, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!varnish.isAlive()) {
                fail("varnishd exited with " + varnish.exitValue() + "; see target/edge-it-varnish.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("varnishd did not listen on " + port + " within " + millis + " ms");
    }
}
