package org.sacrum.it;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Sacrum started the way the README says, with deploy/run.sh (without building), as a separate process. */
final class RunScript implements AutoCloseable {
    final int port;
    final Api api;
    private final Process process;
    final long millisToReady;

    private RunScript(int port, Process process, long millisToReady) throws IOException {
        this.port = port;
        this.process = process;
        this.millisToReady = millisToReady;
        this.api = new Api(URI.create("http://localhost:" + port + "/").toURL());
    }

    /** Starts deploy/run.sh with these environment variables (null removes one) and Payara Micro options; waits for /health/ready. */
    static RunScript start(Map<String, String> environment, String log, String... payaraOptions) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("bash", "deploy/run.sh"));
        if (payaraOptions.length > 0) {
            command.add("--");
            command.addAll(List.of(payaraOptions));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log)));
        Map<String, String> env = builder.environment();
        env.put("SKIP_BUILD", "true");
        env.put("PORT", Integer.toString(port));
        env.put("JAVA_OPTS", "-Xmx512m");
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        long started = System.nanoTime();
        Process process = builder.start();
        // HTTP/1.1 and hard time bounds: a send to a server still booting once hung here for minutes despite the request timeout
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        // SACRUM_IT_READY_SECONDS: more than the default 180 s on a machine shared by many builds (boot took over 4 min there)
        int readySeconds = Integer.parseInt(System.getenv().getOrDefault("SACRUM_IT_READY_SECONDS", "180"));
        for (int i = 0; i < 2 * readySeconds; i++) {
            if (!process.isAlive()) {
                fail("Payara Micro exited; see " + log);
            }
            CompletableFuture<HttpResponse<String>> asked = http.sendAsync(ready, HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> response = asked.get(10, TimeUnit.SECONDS);
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return new RunScript(port, process, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (ExecutionException | TimeoutException notYet) {
                asked.cancel(true); // not listening or not answering yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        fail("Sacrum did not become ready within " + readySeconds + " s; see " + log);
        return null;
    }

    /**
     * Kills the server with SIGKILL, as a power cut would: no shutdown hook, no commit of anything in flight.
     * run.sh execs java, so the script's process is the JVM; descendants are killed too in case that changes.
     */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("Payara Micro survived SIGKILL");
        }
    }

    /** The server's java process: run.sh execs java, but a wrapper may also have started it as a child. */
    ProcessHandle javaProcess() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no java process under deploy/run.sh"));
    }

    /**
     * Stops the server with SIGTERM, as an operator would, and fails if it does not stop within 60 s (it is then
     * killed, so that no server outlives the test). A server already killed ({@link #kill}) or exited is left as it is.
     */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        process.destroy();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        tree.forEach(ProcessHandle::destroyForcibly); // nothing of it may outlive the test, whatever the outcome
        process.waitFor();
        assertTrue(stopped, "Payara Micro did not stop within 60 s of SIGTERM");
    }

    /**
     * Environment for run.sh on the embedded H2 default in a fresh data directory, whatever database the suite runs
     * on: the database variables are removed so that run.sh puts H2 under the data directory.
     */
    static Map<String, String> embeddedH2(Path dataDir, String adminPassword) throws IOException {
        deleteRecursively(dataDir);
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : new String[]{"SACRUM_DB_URL", "SACRUM_DB_CLASS", "SACRUM_DB_USER", "SACRUM_DB_PASSWORD"}) {
            env.put(name, null);
        }
        env.put("SACRUM_DATA_DIR", dataDir.toString());
        env.put("SACRUM_ADMIN_PASSWORD", adminPassword);
        return env;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
