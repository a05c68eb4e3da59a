package org.sacrum.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's run command (deploy/run.sh) on the embedded H2 default, booted twice on one data directory:
 * what the first run wrote is there after the restart, and the second boot imports no seed entry twice. Also what
 * run.sh sets up at the edge: owner-only files, no Server header, no public metrics, the public base URL, no port
 * but HTTP open beyond loopback. A webhook whose receiver fails until after the restart is delivered after it (#15).
 */
class RestartIT {
    private static final String ADMIN_PASSWORD = "restart-admin-secret";

    @Test
    void dataSurvivesARestartAndTheSeedIsImportedOnce() throws Exception {
        Path dataDir = Path.of("target/restart-data").toAbsolutePath();
        Map<String, String> env = RunScript.embeddedH2(dataDir, ADMIN_PASSWORD);
        env.put("SACRUM_PUBLIC_BASE_URL", "https://cms.example.org");
        env.put("SACRUM_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1"); // the receiver below
        AtomicBoolean restarted = new AtomicBoolean();
        WebhookReceiver receiver = new WebhookReceiver(); // fails (503, Retry-After: 1) until Sacrum has restarted
        String hookUrl = receiver.url("/restart", n -> restarted.get() ? new WebhookReceiver.Answer(200, null)
                : new WebhookReceiver.Answer(503, "1"));
        String withdrawn;

        long firstBoot;
        int seeded;
        try (RunScript first = RunScript.start(env, "target/restart-it.log")) {
            firstBoot = first.millisToReady;
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(first.javaProcess());
            assertTrue(sockets.stream().anyMatch(s -> s.port() == first.port), "the HTTP port is seen: " + sockets);
            assertEquals(List.of(), sockets.stream().filter(s -> !s.loopback() && s.port() != first.port).toList(),
                    "no port but HTTP open beyond loopback (Hazelcast's 6900 was on every interface): " + sockets);
            seeded = first.api.get("/api/v1/exercises?size=1").expect(200).json().getInt("total");
            assertEquals(ContentModel.read("seed/manifest.json").asJsonObject().getJsonArray("exercises").size(), seeded);
            Api.Reply created = first.api.as("admin", ADMIN_PASSWORD).post("/api/manage/people", Json.createObjectBuilder()
                    .add("username", "survivor").add("displayName", "Sam Survivor").add("password", "a long enough password")
                    .add("roles", Json.createArrayBuilder().add("author")).build());
            assertEquals(201, created.status(), created.toString());
            assertEquals("https://cms.example.org/api/manage/people/survivor", created.header("Location"), "the configured public base URL");
            assertNull(created.header("Server"), "no Server header: " + created.headers());
            assertNull(created.header("X-Powered-By"), "no X-Powered-By header: " + created.headers());
            try (var metrics = first.api.raw("GET", first.api.root().resolve("/metrics"), null, null)) {
                String body = metrics.readEntity(String.class);
                assertNotEquals(200, metrics.getStatus(), body);
                assertFalse(body.contains("# TYPE"), body);
            }
            withdrawn = withdrawWithAFailingReceiver(first, hookUrl, receiver);
        }
        restarted.set(true);
        try (RunScript second = RunScript.start(env, "target/restart-it.log")) {
            assertEquals(200, second.api.as("admin", ADMIN_PASSWORD).get("/api/manage/people/survivor").status(),
                    "written before the restart, read after it");
            assertEquals(seeded, second.api.get("/api/v1/exercises?size=1").json().getInt("total"), "the seed is not imported twice");
            assertTrue(Files.isRegularFile(dataDir.resolve("sacrum.mv.db")), "the H2 file lives in the data directory");
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(dataDir), "data directory owner-only");
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                    assertTrue(permissions.stream().allMatch(p -> p.name().startsWith("OWNER_")), file + " is owner-only: " + permissions);
                }
            }
            // the webhook the receiver kept refusing before the restart arrives after it, the same message
            long until = System.currentTimeMillis() + 180_000; // a claim cut off by the stop is taken over when its 2-minute lease ends
            while (receiver.at("/restart").stream().noneMatch(r -> r.answered() == 200)) {
                assertTrue(System.currentTimeMillis() < until, "not delivered after the restart: " + receiver.received);
                Thread.sleep(250);
            }
            List<WebhookReceiver.Received> got = receiver.at("/restart");
            assertEquals(1, got.stream().map(WebhookReceiver.Received::id).distinct().count(), "one message, retried: " + got);
            assertTrue(got.get(got.size() - 1).body().contains("\"slug\":\"" + withdrawn + "\""), got.toString());
            receiver.close();
            System.out.printf("Payara Micro boot to /health/ready with Sacrum deployed: first %d ms (schema + seed), second %d ms%n",
                    firstBoot, second.millisToReady);
        }
    }

    /** Subscribes the receiver, withdraws a seeded habit (the exercise count above stays) and waits until the receiver has refused it twice. */
    private static String withdrawWithAFailingReceiver(RunScript sacrum, String hookUrl, WebhookReceiver receiver) throws InterruptedException {
        Api admin = sacrum.api.as("admin", ADMIN_PASSWORD);
        admin.post("/api/manage/webhooks", Json.createObjectBuilder().add("url", hookUrl)
                .add("events", Json.createArrayBuilder().add("entry.withdrawn")).build()).expect(201);
        admin.post("/api/manage/people", Json.createObjectBuilder().add("username", "hook-publisher").add("displayName", "Hook Publisher")
                .add("password", "a long enough password").add("roles", Json.createArrayBuilder().add("publisher")).build()).expect(201);
        String slug = sacrum.api.get("/api/v1/habits?size=1").expect(200).json().getJsonArray("items").getJsonObject(0).getString("slug");
        sacrum.api.as("hook-publisher", "a long enough password").post("/api/manage/habits/" + slug + "/unpublish", null).expect(200);
        long until = System.currentTimeMillis() + 60_000;
        while (receiver.at("/restart").size() < 2) {
            assertTrue(System.currentTimeMillis() < until, "the receiver was not tried twice: " + receiver.received);
            Thread.sleep(100);
        }
        return slug;
    }
}
