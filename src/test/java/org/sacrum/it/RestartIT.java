package org.sacrum.it;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sacrum.content.ContentModel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's run command (deploy/run.sh) on the embedded H2 default, booted twice on one data directory:
 * what the first run wrote is there after the restart, and the second boot imports no seed entry twice.
 */
class RestartIT {
    private static final String ADMIN_PASSWORD = "restart-admin-secret";
    private Process server;

    @Test
    void dataSurvivesARestartAndTheSeedIsImportedOnce() throws Exception {
        Path dataDir = Path.of("target/restart-data").toAbsolutePath();
        deleteRecursively(dataDir);
        int port = freePort();
        Api api = new Api(URI.create("http://localhost:" + port + "/").toURL());
        Api admin = api.as("admin", ADMIN_PASSWORD);

        long firstBoot = start(dataDir, port);
        int seeded = api.get("/api/v1/exercises?size=1").json().getInt("total");
        assertEquals(ContentModel.read("seed/manifest.json").asJsonObject().getJsonArray("exercises").size(), seeded);
        Api.Reply created = admin.post("/api/manage/people", Json.createObjectBuilder().add("username", "survivor")
                .add("displayName", "Sam Survivor").add("password", "a long enough password").add("roles", Json.createArrayBuilder().add("author")).build());
        assertEquals(201, created.status(), created.toString());
        stop();

        long secondBoot = start(dataDir, port);
        assertEquals(200, admin.get("/api/manage/people/survivor").status(), "written before the restart, read after it");
        assertEquals(seeded, api.get("/api/v1/exercises?size=1").json().getInt("total"), "the seed is not imported twice");
        assertTrue(Files.isRegularFile(dataDir.resolve("sacrum.mv.db")), "the H2 file lives in the data directory");
        System.out.printf("Payara Micro boot to /health/ready with Sacrum deployed: first %d ms (schema + seed), second %d ms%n",
                firstBoot, secondBoot);
    }

    /** Starts deploy/run.sh without building, and returns the milliseconds until /health/ready answered UP. */
    private long start(Path dataDir, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/run.sh")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/restart-it.log")));
        Map<String, String> env = builder.environment();
        Stream.of("SACRUM_DB_URL", "SACRUM_DB_CLASS", "SACRUM_DB_USER", "SACRUM_DB_PASSWORD").forEach(env::remove);
        env.put("SKIP_BUILD", "true");
        env.put("PORT", Integer.toString(port));
        env.put("SACRUM_DATA_DIR", dataDir.toString());
        env.put("SACRUM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS", "-Xmx512m");
        long started = System.nanoTime();
        server = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 360; i++) {
            assertTrue(server.isAlive(), "Payara Micro exited; see target/restart-it.log");
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("Sacrum did not become ready within 3 minutes; see target/restart-it.log");
        return -1;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        server = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
