package org.sacrum.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A small HTTP client for the tests: real requests to the deployed WAR. */
public final class Api {
    private static final Client CLIENT = ClientBuilder.newClient();
    private final URI root;
    private final URI app;
    private final String authorization;

    public Api(URL base) {
        this(toUri(base), null);
    }

    private Api(URI app, String authorization) {
        this.app = app;
        this.root = app.resolve("/");
        this.authorization = authorization;
    }

    private static URI toUri(URL base) {
        try {
            String s = base.toURI().toString();
            return URI.create(s.endsWith("/") ? s : s + "/");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Api as(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(app, "Basic " + basic);
    }

    public Api withToken(String token) {
        return new Api(app, "Bearer " + token);
    }

    public Api anonymous() {
        return new Api(app, null);
    }

    public URI root() {
        return root;
    }

    public URI uri(String path) {
        return app.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Response raw(String method, URI uri, String json, Map<String, String> headers) {
        Invocation.Builder b = CLIENT.target(uri).request();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        if (json == null && method.equals("PUT")) {
            return b.method(method, Entity.entity("", "application/json")); // a PUT must carry a body, even an empty one
        }
        return json == null ? b.method(method) : b.method(method, Entity.entity(json, "application/json"));
    }

    /** Calls the API and returns status, headers and the parsed JSON body (or null). */
    public Reply call(String method, String path, Object json, Map<String, String> headers) {
        String body = json == null ? null : json.toString();
        try (Response r = raw(method, uri(path), body, headers)) {
            String text = r.hasEntity() ? r.readEntity(String.class) : "";
            JsonStructure parsed = null;
            if (!text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                parsed = Json.createReader(new StringReader(text)).read();
            }
            MultivaluedMap<String, String> h = new MultivaluedHashMap<>();
            r.getStringHeaders().forEach(h::put);
            return new Reply(r.getStatus(), h, parsed, text, r.getMediaType() == null ? null : r.getMediaType().getType() + "/" + r.getMediaType().getSubtype());
        }
    }

    public Reply get(String path) {
        return call("GET", path, null, null);
    }

    public Reply get(String path, Map<String, String> headers) {
        return call("GET", path, null, headers);
    }

    public Reply post(String path, Object json) {
        return call("POST", path, json, null);
    }

    public Reply put(String path, Object json, String ifMatch) {
        return call("PUT", path, json, ifMatch == null ? null : Map.of("If-Match", ifMatch));
    }

    public record Reply(int status, MultivaluedMap<String, String> headers, JsonStructure body, String text, String mediaType) {
        public JsonObject json() {
            if (!(body instanceof JsonObject o)) {
                throw new AssertionError("expected a JSON object, got " + status + ": " + text);
            }
            return o;
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        /**
         * Asserts the status, with the body in the message, and returns this reply: a set-up step that fails stops
         * the test there, instead of surfacing later as an unrelated failure.
         */
        public Reply expect(int expectedStatus) {
            assertEquals(expectedStatus, status, this::toString);
            return this;
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
