package org.sacrum.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook receiver inside the test, on 127.0.0.1 (the one address the test deployment allows): each path answers as
 * its script says for the n-th request it gets (1-based), and every request is kept with the answer it got.
 */
final class WebhookReceiver implements AutoCloseable {
    /** An answer: a status and, when not null, a Retry-After header. */
    record Answer(int status, String retryAfter) {
    }

    record Received(String path, String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final Map<String, IntFunction<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = scripts.getOrDefault(path, i -> new Answer(200, null)).apply(n);
            var h = exchange.getRequestHeaders();
            received.add(new Received(path, h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8), answer.status()));
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path, answered by {@code script}. */
    String url(String path, IntFunction<Answer> script) {
        scripts.put(path, script);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
