package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.State;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Crash safety: a burst of edits, approvals, publishes and withdrawals from several clients, the server killed with
 * SIGKILL while requests are in flight, then the database read directly (JDBC) and the server restarted on it, twice.
 * On the embedded H2 by default (a private file under target/); on PostgreSQL when the suite runs with -Ppostgres.
 */
class CrashIT {
    private static final int CLIENTS = 4;
    private static final List<String> ACTIONS = List.of("create", "edit", "restore", "submit", "approve", "publish", "unpublish");

    /** What the clients saw: per slug and action, the 2xx answers and the requests cut off by the kill. */
    private final Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @Test
    void committedWorkSurvivesSigkillAndNothingIsHalfDone() throws Exception {
        Path dataDir = Path.of("target/crash-data").toAbsolutePath();
        RunScript.deleteRecursively(dataDir);
        String dbUrl = System.getenv("SACRUM_DB_URL");
        boolean postgres = dbUrl != null && dbUrl.startsWith("jdbc:postgresql");
        Map<String, String> env = new HashMap<>();
        String jdbcUrl;
        String user;
        String password;
        if (postgres) {
            jdbcUrl = dbUrl;
            user = System.getenv("SACRUM_DB_USER");
            password = System.getenv("SACRUM_DB_PASSWORD");
        } else {
            for (String name : new String[]{"SACRUM_DB_URL", "SACRUM_DB_CLASS", "SACRUM_DB_USER", "SACRUM_DB_PASSWORD"}) {
                env.put(name, null); // run.sh's default: an H2 file in the data directory
            }
            jdbcUrl = "jdbc:h2:file:" + dataDir + "/sacrum";
            user = "sa";
            password = "sa";
        }
        String adminPassword = System.getProperty("sacrum.it.adminPassword", "integration-admin-secret");
        env.put("SACRUM_DATA_DIR", dataDir.toString());
        env.put("SACRUM_ADMIN_PASSWORD", adminPassword);
        String log = "target/crash-it.log";
        System.out.println("CrashIT on " + (postgres ? "PostgreSQL " + jdbcUrl : "H2 " + jdbcUrl));

        long started = System.nanoTime();
        RunScript server = RunScript.start(env, log);
        System.out.printf("CrashIT: first boot (schema and seed) ready in %d ms%n", server.millisToReady);
        Team team = new Team(server.api);
        Map<String, String> tokens = Map.of(
                "author", team.token(team.author.username(), "read", "write"),
                "clinician", team.token(team.clinician.username(), "read", "review"),
                "publisher", team.token(team.publisher.username(), "read", "publish"));
        int[] killAfter = {25, 60};
        for (int round = 0; round < killAfter.length; round++) {
            // the second round carries on with half of the first round's entries as the restart left them
            List<String> slugs = IntStream.range(3 * round, 3 * round + 6).mapToObj(i -> team.slug("crash-" + i)).toList();
            burstThenKill(server, tokens, team, slugs, killAfter[round]);
            checkDatabase(jdbcUrl, user, password, "after kill " + (round + 1));
            server = RunScript.start(env, log);
            System.out.printf("CrashIT: restart %d ready in %d ms%n", round + 1, server.millisToReady);
            checkSeedOverHttp(server.api.withToken(tokens.get("author")));
        }
        server.close();
        checkDatabase(jdbcUrl, user, password, "after the last restart");
        System.out.printf("CrashIT: %d s in all; answers %s%n", (System.nanoTime() - started) / 1_000_000_000, statuses);
    }

    /** Several clients walk entries through the workflow; the server is killed once enough has been committed. */
    private void burstThenKill(RunScript server, Map<String, String> tokens, Team team, List<String> slugs, int committedBeforeKill)
            throws Exception {
        Api author = server.api.withToken(tokens.get("author"));
        Api clinician = server.api.withToken(tokens.get("clinician"));
        Api publisher = server.api.withToken(tokens.get("publisher"));
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        int cutOffBefore = inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(31L * c + committedBeforeKill);
            running.add(clients.submit(() -> {
                while (true) {
                    String slug = slugs.get(random.nextInt(slugs.size()));
                    String action = null;
                    try {
                        Api.Reply current = author.get(WorkflowIT.path("conditions", slug));
                        action = next(current, random);
                        Api.Reply reply = switch (action) {
                            case "create" -> author.post("/api/manage/conditions", Samples.body(Samples.condition(slug), "created"));
                            case "edit" -> author.put(WorkflowIT.path("conditions", slug), Samples.body(Json.createObjectBuilder(
                                    current.json().getJsonObject("content")).add("summary", "Edited " + random.nextLong()).build(),
                                    "edit"), current.json().getString("etag"));
                            case "restore" -> author.call("POST", WorkflowIT.path("conditions", slug) + "/revisions/1/restore", null,
                                    Map.of("If-Match", current.json().getString("etag")));
                            case "approve" -> clinician.post(WorkflowIT.path("conditions", slug) + "/approve",
                                    team.approval(current.json(), team.clinician));
                            case "publish", "unpublish" -> publisher.post(WorkflowIT.path("conditions", slug) + "/" + action, null);
                            default -> author.post(WorkflowIT.path("conditions", slug) + "/" + action, null);
                        };
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        assertTrue(reply.status() < 500, action + " " + slug + " before the kill: " + reply);
                        if (reply.status() / 100 == 2) {
                            committed.computeIfAbsent(slug + " " + action, k -> new AtomicInteger()).incrementAndGet();
                            ok.incrementAndGet();
                        }
                    } catch (ProcessingException cutOff) { // the server died under this request (or before it)
                        assertTrue(down.get(), "connection failed before the kill: " + cutOff);
                        if (action != null) {
                            inFlight.computeIfAbsent(slug + " " + action, k -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); // a loaded CI machine is slow
        while (ok.get() < committedBeforeKill && System.nanoTime() < deadline && running.stream().noneMatch(f -> f.isDone())) {
            Thread.sleep(20);
        }
        down.set(true);
        server.kill();
        clients.shutdown();
        for (var client : running) {
            client.get(60, TimeUnit.SECONDS); // rethrows a client's failed assertion
        }
        System.out.printf("CrashIT: killed after %d committed requests, %d cut off in flight%n", ok.get(),
                inFlight.values().stream().mapToInt(AtomicInteger::get).sum() - cutOffBefore);
        assertTrue(ok.get() >= committedBeforeKill, "the burst committed too little before the kill: " + ok.get());
    }

    /** The next step for an entry in the state the client just read: mostly forward, sometimes back. */
    private static String next(Api.Reply current, Random random) {
        if (current.status() == 404) {
            return "create";
        }
        assertEquals(200, current.status(), current.toString());
        int dice = random.nextInt(10);
        return switch (current.json().getString("state")) {
            case "draft", "changes-requested" -> dice < 3 ? "edit" : "submit";
            case "in-review" -> dice < 2 ? "edit" : "approve";
            case "clinically-reviewed" -> dice < 2 ? "edit" : "publish";
            case "published" -> dice < 4 ? "edit" : dice < 7 ? "unpublish" : "restore";
            case "unpublished" -> dice < 5 ? "publish" : "edit";
            default -> "edit";
        };
    }

    private static void checkSeedOverHttp(Api api) {
        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        for (String plural : manifest.keySet()) {
            Api.Reply list = api.get("/api/manage/" + plural + "?size=500");
            assertEquals(200, list.status(), list.toString());
            long samples = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getBoolean("sample")).count();
            assertEquals(manifest.getJsonArray(plural).size(), samples, "seeded " + plural + " after a restart");
        }
    }

    // ---- the invariants, read straight from the database --------------------------------------------------------

    /** An entry row; the state as workflow.json names it (the table stores the enum's name). */
    record EntryRow(String id, String type, String slug, String state, boolean sample, int latest, Integer published,
                    String approvalId, String publishedApprovalId) {
    }

    record ApprovalRow(String id, String entryId, int revision, String hash, LocalDate due) {
    }

    record AuditRow(String entryId, String action, Integer revision, String from, String to) {
    }

    private void checkDatabase(String url, String user, String password, String when) throws Exception {
        Map<String, EntryRow> entries = new HashMap<>();
        Map<String, Map<Integer, String>> hashes = new HashMap<>(); // entry id -> revision number -> stored hash
        Map<String, ApprovalRow> approvals = new HashMap<>();
        Map<String, List<AuditRow>> audit = new HashMap<>();
        int badHashes = 0;
        int revisionCount = 0;
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            try (ResultSet r = sql.executeQuery("SELECT id, content_type, slug, state, sample, latest_revision, published_revision,"
                    + " approval_id, published_approval_id FROM entry")) {
                while (r.next()) {
                    entries.put(r.getString(1), new EntryRow(r.getString(1), r.getString(2), r.getString(3), State.valueOf(r.getString(4)).id(),
                            r.getBoolean(5), r.getInt(6), (Integer) r.getObject(7), r.getString(8), r.getString(9)));
                }
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (ResultSet r = sql.executeQuery("SELECT entry_id, number, content, content_hash FROM revision")) {
                while (r.next()) {
                    revisionCount++;
                    String actual = HexFormat.of().formatHex(sha256.digest(r.getString(3).getBytes(StandardCharsets.UTF_8)));
                    if (!actual.equals(r.getString(4))) {
                        badHashes++;
                    }
                    assertNull(hashes.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getInt(2), r.getString(4)));
                }
            }
            try (ResultSet r = sql.executeQuery("SELECT id, entry_id, revision_number, content_hash, next_review_due FROM approval")) {
                while (r.next()) {
                    approvals.put(r.getString(1), new ApprovalRow(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                            r.getDate(5).toLocalDate()));
                }
            }
            try (ResultSet r = sql.executeQuery("SELECT entry_id, action, revision_number, from_state, to_state FROM audit_event"
                    + " WHERE entry_id IS NOT NULL ORDER BY id")) {
                while (r.next()) {
                    audit.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new AuditRow(r.getString(1), r.getString(2),
                            (Integer) r.getObject(3), r.getString(4), r.getString(5)));
                }
            }
        }
        assertEquals(0, badHashes, when + ": revisions whose hash does not match their content");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int published = 0;
        for (EntryRow e : entries.values()) {
            String who = when + ", " + e.type() + " " + e.slug() + " (" + e.state() + "): ";
            Map<Integer, String> revs = hashes.getOrDefault(e.id(), Map.of());
            assertEquals(new TreeSet<>(IntStream.rangeClosed(1, e.latest()).boxed().toList()), new TreeSet<>(revs.keySet()),
                    who + "revisions 1 to the latest, no gap, nothing beyond");
            if (e.state().equals("published")) {
                assertEquals(e.latest(), e.published(), who + "a published entry delivers its latest revision");
            }
            if (e.published() != null) {
                published++;
                ApprovalRow a = approvals.get(e.publishedApprovalId());
                assertNotNull(a, who + "a published revision without its approval");
                assertEquals(e.id(), a.entryId(), who);
                assertEquals(e.published(), a.revision(), who + "the approval is of exactly the published revision");
                assertEquals(revs.get(e.published()), a.hash(), who + "the approval is of exactly the published content");
                assertTrue(a.due().isAfter(today), who + "the approval is current");
            } else {
                assertNull(e.publishedApprovalId(), who);
            }
            if (e.state().equals("clinically-reviewed")) {
                assertNotNull(e.approvalId(), who + "reviewed without an approval");
            }
            if (e.approvalId() != null) {
                ApprovalRow a = approvals.get(e.approvalId());
                assertNotNull(a, who);
                assertEquals(e.latest(), a.revision(), who + "an approval is of the latest revision (an edit voids it)");
                assertEquals(revs.get(e.latest()), a.hash(), who);
            }

            List<AuditRow> trail = audit.getOrDefault(e.id(), List.of());
            List<Integer> written = trail.stream().filter(a -> Set.of("create", "edit", "restore").contains(a.action()))
                    .map(AuditRow::revision).toList();
            assertEquals(new ArrayList<>(new TreeSet<>(revs.keySet())), written,
                    who + "exactly one create/edit/restore record per revision, in order");
            long approveRecords = trail.stream().filter(a -> a.action().equals("approve")).count();
            assertEquals(approvals.values().stream().filter(a -> a.entryId().equals(e.id())).count(), approveRecords,
                    who + "exactly one approve record per approval");
            String state = null;
            for (AuditRow a : trail) {
                if (a.to() == null) {
                    continue; // "withdraw" accompanies unpublish/archive and changes no state
                }
                assertEquals(state, a.from(), who + "the audit trail's states chain: " + trail);
                state = a.to();
            }
            assertEquals(e.state(), state, who + "the latest state-changing record names the entry's state");
            AuditRow lastVisible = null;
            for (AuditRow a : trail) {
                if (a.action().equals("publish") || a.action().equals("withdraw")) {
                    lastVisible = a;
                }
            }
            Integer publishedByTrail = lastVisible != null && lastVisible.action().equals("publish") ? lastVisible.revision() : null;
            assertEquals(publishedByTrail, e.published(), who + "what the trail last published (or withdrew) is what is published");
        }

        // every request answered 2xx has exactly one record; a request cut off by the kill has one or none
        Map<String, Integer> recorded = new HashMap<>();
        Map<String, String> slugOf = new HashMap<>();
        entries.values().forEach(e -> slugOf.put(e.id(), e.slug()));
        audit.values().forEach(trail -> trail.forEach(a ->
                recorded.merge(slugOf.get(a.entryId()) + " " + a.action(), 1, Integer::sum)));
        int checkedRequests = 0;
        Set<String> keys = new TreeSet<>(committed.keySet());
        keys.addAll(inFlight.keySet());
        for (String key : keys) {
            int answered = committed.getOrDefault(key, new AtomicInteger()).get();
            int cutOff = inFlight.getOrDefault(key, new AtomicInteger()).get();
            int records = recorded.getOrDefault(key, 0);
            assertTrue(records >= answered && records <= answered + cutOff,
                    when + ", " + key + ": " + records + " audit record(s) for " + answered + " committed and " + cutOff + " cut-off request(s)");
            checkedRequests += answered;
        }
        for (Map.Entry<String, Integer> r : recorded.entrySet()) {
            String action = r.getKey().substring(r.getKey().lastIndexOf(' ') + 1);
            if (r.getKey().startsWith("crash-") && ACTIONS.contains(action)) {
                assertTrue(keys.contains(r.getKey()), when + ": an audit record no request explains: " + r);
            }
        }

        JsonObject manifest = ContentModel.read("seed/manifest.json").asJsonObject();
        for (String plural : manifest.keySet()) {
            String type = ContentType.byPlural(plural).orElseThrow().name(); // stored as the enum's name
            long seeded = entries.values().stream().filter(e -> e.sample() && e.type().equals(type)).count();
            assertEquals(manifest.getJsonArray(plural).size(), seeded, when + ": seeded " + plural + " (imported once)");
        }
        System.out.printf("CrashIT %s: %d entries (%d published), %d revisions hashed, %d approvals, %d audit records; "
                        + "%d committed requests each matched to one audit record, %d cut off by the kills%n", when, entries.size(),
                published, revisionCount, approvals.size(), audit.values().stream().mapToInt(List::size).sum(), checkedRequests,
                inFlight.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(keys.stream().anyMatch(k -> k.endsWith(" approve")), "the burst committed no approval");
    }
}
