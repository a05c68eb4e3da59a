package org.sacrum.edge.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One purge against a small local HTTP server standing in for Varnish; failures are attempts, never exceptions. */
class EdgePurgeTest {
    private HttpServer edge;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("xkey-purge"));
            byte[] body = ("Purged 3 objects\n" + "x".repeat(500)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        edge.start();
    }

    @AfterEach
    void stop() {
        edge.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + edge.getAddress().getPort() + path);
    }

    @Test
    void sendsPurgeWithTheKeysAndReportsTheAnswer() {
        EdgePurge purge = new EdgePurge(url("/").toString(), 5000, 10000); // generous: a loaded CI machine is slow
        assertEquals(List.of(url("/")), purge.edges());
        EdgePurge.Attempt attempt = purge.purge(url("/"), new LinkedHashSet<>(List.of("entry:exercise/a", "list:exercise")));
        assertEquals("PURGE / entry:exercise/a list:exercise", seen.get());
        assertEquals(200, attempt.status());
        assertTrue(attempt.succeeded());
        assertTrue(attempt.snippet().startsWith("Purged 3 objects "), attempt.snippet());
        assertTrue(attempt.snippet().length() <= 200, "snippet bounded: " + attempt.snippet().length());
    }

    @Test
    void aRefusedConnectionIsStatusZero() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        EdgePurge.Attempt attempt = new EdgePurge("", 500, 1000).purge(URI.create("http://127.0.0.1:" + closed + "/"), java.util.Set.of("k"));
        assertEquals(0, attempt.status());
        assertTrue(attempt.snippet().contains("ConnectException"), attempt.snippet());
    }

    @Test
    void aSlowEdgeIsCutOffAtTheTimeout() {
        EdgePurge.Attempt attempt = new EdgePurge("", 500, 300).purge(url("/slow"), java.util.Set.of("k"));
        assertEquals(0, attempt.status());
        assertTrue(attempt.latencyMillis() < 2500, "cut off, not waited for: " + attempt.latencyMillis());
    }

    @Test
    void onlyHttpUrlsWithAHostAreEdges() {
        assertEquals(List.of(URI.create("http://10.0.0.5:6081/"), URI.create("https://edge.example.org/")),
                EdgePurge.parse(" http://10.0.0.5:6081/ , ,https://edge.example.org/,ftp://x/,not a url,/relative"));
        assertEquals(List.of(), EdgePurge.parse(""));
        assertEquals(List.of(), new EdgePurge(null, 1, 1).edges());
    }
}
