package org.sacrum.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two Sacrum instances, A and B, started with deploy/run.sh as one Payara Micro cluster (Hazelcast over TCP on
 * loopback) on one database: PostgreSQL in the PostgreSQL pass, H2 in server mode otherwise. What one instance
 * does with the data grid, the other sees: cached responses, withdrawals, failed sign-ins.
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
