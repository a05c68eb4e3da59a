package org.sacrum.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.sacrum.webhooks.entity.Attempt;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST of a signed webhook, sent without blocking a container thread (the dispatcher sends a batch at once):
 * connect timeout 5 s, the whole answer within 10 s, redirects never followed (a 3xx is an answer like any other),
 * only the first bytes of the answer kept (a snippet of at most 200 characters).
 */
@ApplicationScoped
public class WebhookPost {
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration ANSWER = Duration.ofSeconds(10);
    private static final int KEPT_BYTES = Attempt.SNIPPET * 4;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** What came back: status (0 when no answer), latency, snippet, Retry-After, error. */
    public record Answer(int status, long latencyMillis, String snippet, String retryAfter, String error) {
    }

    /** Never completes exceptionally: a failure is an answer with status 0 and the error. */
    public CompletableFuture<Answer> post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(ANSWER)
                .header("Content-Type", "application/json").header("User-Agent", "Sacrum-Webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long start = System.nanoTime();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        HttpResponse.BodyHandler<Void> firstBytes = info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
            synchronized (kept) {
                kept.write(bytes, 0, Math.max(0, Math.min(bytes.length, KEPT_BYTES - kept.size())));
            }
        }));
        try {
            return client.sendAsync(request.build(), firstBytes)
                    .orTimeout(ANSWER.toMillis() + 1000, TimeUnit.MILLISECONDS) // the timeout above ends at the headers; this bounds the body
                    .handle((response, failure) -> {
                        long latency = (System.nanoTime() - start) / 1_000_000;
                        if (failure == null) {
                            String snippet;
                            synchronized (kept) {
                                snippet = kept.toString(StandardCharsets.UTF_8);
                            }
                            return new Answer(response.statusCode(), latency, Attempt.cut(snippet),
                                    response.headers().firstValue("Retry-After").orElse(null), null);
                        }
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        boolean timeout = cause instanceof HttpTimeoutException || cause instanceof TimeoutException;
                        return new Answer(0, latency, null, null, (timeout ? "timeout: " : "connection: ") + cause.getClass().getSimpleName()
                                + Optional.ofNullable(cause.getMessage()).map(m -> " " + m).orElse(""));
                    });
        } catch (IllegalArgumentException e) { // a URL the client cannot send to
            return CompletableFuture.completedFuture(new Answer(0, 0, null, null, "connection: " + e.getMessage()));
        }
    }
}
