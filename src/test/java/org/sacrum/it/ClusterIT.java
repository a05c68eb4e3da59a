package org.sacrum.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two Sacrum instances, A and B, started with deploy/run.sh as one Payara Micro cluster (Hazelcast over TCP on
 * loopback) on one database: PostgreSQL in the PostgreSQL pass, H2 in server mode otherwise. What one instance
 * does with the data grid, the other sees: cached responses, withdrawals, failed sign-ins. Both run the background jobs
 * (every second, and on request): a scheduled publication still happens exactly once.
 */
class ClusterIT {
    private static final long AT_ONCE_MILLIS = 2_000;
    private static RunScript a;
    private static RunScript b;
    private static Team team;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path dir = Path.of("target/cluster-it").toAbsolutePath();
        RunScript.deleteRecursively(dir);
        Map<String, String> env = new HashMap<>();
        String suiteDatabase = System.getenv("SACRUM_DB_URL");
        if (suiteDatabase == null || suiteDatabase.startsWith("jdbc:h2:")) {
            env.put("SACRUM_DB_URL", "jdbc:h2:file:" + dir.resolve("db/sacrum") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
            env.put("SACRUM_DB_CLASS", "org.h2.jdbcx.JdbcDataSource");
            env.put("SACRUM_DB_USER", "sa");
            env.put("SACRUM_DB_PASSWORD", "sa");
        }
        env.put("SACRUM_ADMIN_PASSWORD", System.getProperty("sacrum.it.adminPassword", "integration-admin-secret"));
        env.put("SACRUM_CLUSTER", "sacrum-it-" + UUID.randomUUID());
        env.put("SACRUM_JOBS_INTERVAL_SECONDS", "1"); // each instance also runs the jobs on its own timer, every second
        int gridPort = freePortPair();
        String[] grid = {"--clustermode", "tcpip:127.0.0.1:" + gridPort + ",127.0.0.1:" + (gridPort + 1),
                "--startport", Integer.toString(gridPort), "--interfaces", "127.0.0.1"};
        env.put("SACRUM_DATA_DIR", dir.resolve("a").toString());
        a = RunScript.start(env, "target/cluster-it.log", grid); // A migrates the schema and imports the seed first
        env.put("SACRUM_DATA_DIR", dir.resolve("b").toString());
        b = RunScript.start(env, "target/cluster-it.log", grid);
        team = new Team(a.api);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aWithdrawalOnOneInstanceTakesTheEntryOffTheOtherAtOnce() {
        String slug = team.slug("cluster-warning");
        team.publishNew("warnings", Samples.warning(slug));
        String path = "/api/v1/warnings/" + slug;

        Api.Reply renderedByA = a.api.get(path);
        assertEquals(200, renderedByA.status(), renderedByA.toString());
        Api.Reply readOnB = b.api.get(path);
        assertEquals(200, readOnB.status(), readOnB.toString());
        assertEquals("hit", readOnB.header("X-Sacrum-Cache"), "B finds what A rendered in the data grid");
        assertEquals(renderedByA.text(), readOnB.text());
        assertEquals("hit", b.api.get(path).header("X-Sacrum-Cache"), "and keeps a local copy");

        Api.Reply withdrawn = team.publisher.api().post("/api/manage/warnings/" + slug + "/unpublish", null);
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        long withdrawnAt = System.nanoTime();
        int status;
        long millis;
        do {
            status = b.api.get(path).status();
            millis = (System.nanoTime() - withdrawnAt) / 1_000_000;
        } while (status == 200 && millis < AT_ONCE_MILLIS + 5_000);
        assertEquals(410, status, "the withdrawn entry is gone from B");
        assertTrue(millis < AT_ONCE_MILLIS, "gone from B " + millis + " ms after the withdrawal on A; "
                + "without the cluster signal B's local copy would live up to 5 s");
        System.out.printf("Cluster: withdrawal on one instance reached the other in %d ms%n", millis);
    }

    @Test
    void failedSignInsCountAcrossInstances() {
        Team.Member target = team.member("guessed", "Gus Guessed", "author", null);
        for (int i = 0; i < 5; i++) {
            RunScript instance = i % 2 == 0 ? a : b; // three guesses on A, two on B: five in all
            assertEquals(401, instance.api.as(target.username(), "guess " + i).get("/api/manage/me").status());
        }
        for (RunScript instance : new RunScript[]{a, b}) {
            Api.Reply locked = instance.api.as(target.username(), Team.PASSWORD).get("/api/manage/me");
            assertEquals(429, locked.status(), "locked on every instance: " + locked);
        }
    }

    @Test
    void aScheduledPublicationHappensExactlyOnceThoughBothInstancesRunTheJobs() throws Exception {
        String slug = team.slug("cluster-scheduled");
        team.create("warnings", Samples.warning(slug));
        team.submit("warnings", slug);
        team.approve("warnings", slug, team.clinician).expect(200);
        Instant at = Instant.parse(team.admin.get("/api/manage/clock").expect(200).json().getString("now")).plusSeconds(4);
        String etag = team.author.api().get(Team.path("warnings", slug)).expect(200).header("ETag");
        JsonObject schedule = Json.createObjectBuilder().add("publishAt", at.toString()).build();
        team.publisher.api().put(Team.path("warnings", slug) + "/schedule", schedule, etag).expect(200);

        // Both instances are asked to run the jobs at the same moment, round after round, from before publishAt until
        // after it, while their timers tick every second as well.
        String token = team.token("admin", "admin");
        Api[] admins = {a.api.withToken(token), b.api.withToken(token)};
        List<String> publishedBy = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int rounds = 0;
            while (Instant.now().isBefore(at.plusSeconds(4)) || rounds < 10) {
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<Api.Reply>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Api admin = admins[i % 2];
                    runs.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return admin.post("/api/manage/jobs/run", null);
                    }));
                }
                for (int i = 0; i < runs.size(); i++) {
                    Api.Reply run = runs.get(i).get(60, TimeUnit.SECONDS).expect(200);
                    String instance = i % 2 == 0 ? "A" : "B";
                    run.json().getJsonArray("done").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                            .filter(line -> line.contains("published warning " + slug + " ")).forEach(line -> publishedBy.add(instance + ": " + line));
                }
                rounds++;
                Thread.sleep(200);
            }
            System.out.printf("Cluster: scheduled publication over %d rounds of 4 concurrent job runs (and two 1 s timers): %s%n",
                    rounds, publishedBy.isEmpty() ? "done by a timer" : publishedBy);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(publishedBy.size() <= 1, "published by more than one run: " + publishedBy);

        JsonObject entry = team.author.api().get(Team.path("warnings", slug)).expect(200).json();
        assertEquals("published", entry.getString("state"), entry.toString());
        assertTrue(entry.isNull("schedule"), entry.toString());
        assertEquals(200, b.api.get("/api/v1/warnings/" + slug).status());
        List<JsonObject> audit = team.publisher.api().get(Team.path("warnings", slug) + "/audit").expect(200).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        List<JsonObject> publications = audit.stream().filter(e -> e.getString("action").equals("publish")).toList();
        assertEquals(1, publications.size(), "exactly one publication: " + audit);
        assertEquals("system", publications.get(0).getString("actor"));
        assertEquals(0, audit.stream().filter(e -> e.getString("action").equals("schedule-failed")).count(), audit.toString());

        long changes = 0;
        String since = "0";
        for (int page = 0; page < 100; page++) {
            JsonObject feed = b.api.get("/api/v1/changes?limit=1000&since=" + since).expect(200).json();
            if (feed.getJsonArray("items").isEmpty()) {
                break;
            }
            changes += feed.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("slug").equals(slug)).count();
            since = feed.getString("next");
        }
        assertEquals(1, changes, "the change feed has one item for the scheduled publication");
    }

    private static int freePortPair() throws Exception {
        for (int i = 0; i < 50; i++) {
            int port = RunScript.freePort();
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (java.io.IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no two free consecutive ports");
    }
}
