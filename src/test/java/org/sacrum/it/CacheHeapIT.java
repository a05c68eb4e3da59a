package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #11: anonymous requests must not exhaust the heap. Sacrum runs with a small heap (deploy/run.sh, its own
 * process and H2 directory); 2,000 distinct valid list URLs with large responses are answered 200 (never 500), and
 * afterwards the heap used after a full GC in the server stays under {@link #HEAP_BOUND_MB} MB: the response cache
 * holds at most its byte bound locally and only small responses in the data grid.
 */
class CacheHeapIT {
    static final int REQUESTS = 2_000;
    /** Payara Micro with Sacrum deployed uses about 100 MB after GC here; the local cache may add 64 MB, the data grid a few MB. */
    static final long HEAP_BOUND_MB = 200;
    private static final String[] SORTS = {"slug", "-slug", "published", "-published"};
    /** With the seed's 19 exercises, size=100 gives about 70 KB without include and 500 KB with warnings,conditions. */
    private static final String[] INCLUDES = {"", "&include=warnings", "&include=conditions", "&include=warnings,conditions",
            "&include=podcast-episodes"};

    @Test
    void distinctUrlsDoNotExhaustTheHeap() throws Exception {
        Path dataDir = Path.of("target/cache-heap-data").toAbsolutePath();
        Map<String, String> env = RunScript.embeddedH2(dataDir, "cache-heap-admin-secret");
        env.put("JAVA_OPTS", "-Xmx384m");
        try (RunScript server = RunScript.start(env, "target/cache-heap-it.log")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + server.port;
            long started = System.nanoTime();
            AtomicLong bytes = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    // 100 sizes × 4 sorts × 5 includes: 2,000 distinct queries, none the same after canonicalisation
                    String url = base + "/api/v1/exercises?size=" + (1 + i % 100) + "&sort=" + SORTS[(i / 100) % 4]
                            + INCLUDES[(i / 400) % INCLUDES.length];
                    answers.add(pool.submit(() -> {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        bytes.addAndGet(r.body().length());
                        return r.statusCode() == 200 ? null : url + " -> " + r.statusCode() + " " + r.body();
                    }));
                }
                for (Future<String> answer : answers) {
                    assertNull(answer.get(120, TimeUnit.SECONDS));
                }
                long unknown = 0;
                for (int i = 0; i < 50; i++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/exercises?size=100&include=warnings,conditions&cb=" + i)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(400, r.statusCode(), r.body());
                    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
                    JsonObject problem = Json.createReader(new StringReader(r.body())).readObject();
                    assertEquals("unknown-parameter", problem.getJsonArray("violations").getJsonObject(0).getString("rule"));
                    unknown++;
                }
                assertEquals(50, unknown);
            } finally {
                pool.shutdownNow();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            long pid = server.javaProcess().pid();
            jcmd(pid, "GC.run");
            long usedMb = heapUsedKb(jcmd(pid, "GC.heap_info")) / 1024;
            System.out.printf("CacheHeapIT: %d distinct URLs (%d MB of responses) in %d s; heap used after GC: %d MB (bound %d MB)%n",
                    REQUESTS, bytes.get() >> 20, seconds, usedMb, HEAP_BOUND_MB);
            assertTrue(bytes.get() > 384L * 1024 * 1024, "the responses add up to more than the whole heap: " + (bytes.get() >> 20) + " MB");
            assertTrue(usedMb < HEAP_BOUND_MB, "heap used after GC: " + usedMb + " MB");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, jcmd.exitValue(), out);
        return out;
    }

    /** The "used" figure of the whole heap in jcmd GC.heap_info (the first line names the collector's heap). */
    static long heapUsedKb(String heapInfo) {
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        assertTrue(used.find(), heapInfo);
        return Long.parseLong(used.group(1));
    }
}
