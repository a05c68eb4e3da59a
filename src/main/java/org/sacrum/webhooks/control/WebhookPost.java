package org.sacrum.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.sacrum.webhooks.entity.Attempt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One POST of a signed webhook: connect timeout 5 s, answer within 10 s, redirects never followed (a 3xx is an
 * answer like any other), at most the first 200 characters of the answer kept.
 */
@ApplicationScoped
public class WebhookPost {
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration ANSWER = Duration.ofSeconds(10);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** What came back: status (0 when no answer), latency, snippet, Retry-After, error. */
    public record Answer(int status, long latencyMillis, String snippet, String retryAfter, String error) {
    }

    public Answer post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(ANSWER)
                .header("Content-Type", "application/json").header("User-Agent", "Sacrum-Webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String snippet;
            try (InputStream in = response.body()) {
                snippet = new String(in.readNBytes(Attempt.SNIPPET * 4), StandardCharsets.UTF_8); // never the whole answer
            }
            return new Answer(response.statusCode(), millisSince(start), Attempt.cut(snippet),
                    response.headers().firstValue("Retry-After").orElse(null), null);
        } catch (HttpTimeoutException e) {
            return new Answer(0, millisSince(start), null, null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(0, millisSince(start), null, null, "connection: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, millisSince(start), null, null, "interrupted");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
