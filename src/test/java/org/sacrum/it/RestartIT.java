package org.sacrum.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.sacrum.content.ContentModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's run command (deploy/run.sh) on the embedded H2 default, booted twice on one data directory:
 * what the first run wrote is there after the restart, and the second boot imports no seed entry twice.
 */
class RestartIT {
    private static final String ADMIN_PASSWORD = "restart-admin-secret";

    @Test
    void dataSurvivesARestartAndTheSeedIsImportedOnce() throws Exception {
        Path dataDir = Path.of("target/restart-data").toAbsolutePath();
        RunScript.deleteRecursively(dataDir);
        Map<String, String> env = new HashMap<>();
        for (String name : new String[]{"SACRUM_DB_URL", "SACRUM_DB_CLASS", "SACRUM_DB_USER", "SACRUM_DB_PASSWORD"}) {
            env.put(name, null); // the embedded default, whatever the suite runs on
        }
        env.put("SACRUM_DATA_DIR", dataDir.toString());
        env.put("SACRUM_ADMIN_PASSWORD", ADMIN_PASSWORD);

        long firstBoot;
        int seeded;
        try (RunScript first = RunScript.start(env, "target/restart-it.log")) {
            firstBoot = first.millisToReady;
            seeded = first.api.get("/api/v1/exercises?size=1").json().getInt("total");
            assertEquals(ContentModel.read("seed/manifest.json").asJsonObject().getJsonArray("exercises").size(), seeded);
            Api.Reply created = first.api.as("admin", ADMIN_PASSWORD).post("/api/manage/people", Json.createObjectBuilder()
                    .add("username", "survivor").add("displayName", "Sam Survivor").add("password", "a long enough password")
                    .add("roles", Json.createArrayBuilder().add("author")).build());
            assertEquals(201, created.status(), created.toString());
        }
        try (RunScript second = RunScript.start(env, "target/restart-it.log")) {
            assertEquals(200, second.api.as("admin", ADMIN_PASSWORD).get("/api/manage/people/survivor").status(),
                    "written before the restart, read after it");
            assertEquals(seeded, second.api.get("/api/v1/exercises?size=1").json().getInt("total"), "the seed is not imported twice");
            assertTrue(Files.isRegularFile(dataDir.resolve("sacrum.mv.db")), "the H2 file lives in the data directory");
            System.out.printf("Payara Micro boot to /health/ready with Sacrum deployed: first %d ms (schema + seed), second %d ms%n",
                    firstBoot, second.millisToReady);
        }
    }
}
