package org.sacrum.it;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame every feature stands on: health, problem+json errors (the container's own included), OpenAPI, and the
 * edge: security headers, nothing exposed that should not be (WADL, metrics, Server header, the Host header).
 * Runs in {@link SharedDeploymentIT}.
 */
abstract class FoundationIT extends OnSharedDeployment {

    @Test
    void readinessChecksTheDatabase() {
        Api api = new Api(base);
        try (Response r = api.raw("GET", api.root().resolve("/health/ready"), null, null)) {
            assertEquals(200, r.getStatus());
            JsonObject health = r.readEntity(JsonObject.class);
            assertEquals("UP", health.getString("status"));
            assertTrue(health.toString().contains("database"), health.toString());
        }
    }

    @Test
    void unknownApiPathIsAProblem() {
        Api api = new Api(base);
        try (Response r = api.raw("GET", api.uri("/api/v1/no-such-thing"), null, null)) {
            assertEquals(404, r.getStatus());
            assertEquals("application/problem+json", r.getMediaType().toString());
            assertEquals(404, r.readEntity(JsonObject.class).getInt("status"));
        }
    }

    @Test
    void servesOpenApi() {
        Api api = new Api(base);
        try (Response r = api.raw("GET", api.uri("/openapi"), null, null)) {
            assertEquals(200, r.getStatus());
            String document = r.readEntity(String.class);
            assertTrue(document.contains("/api/v1/exercises/{slug}") && document.contains("/api/manage/{type}/{slug}/approve"), document);
        }
    }

    private static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static void assertBrowserHeaders(Api.Reply r) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.headers().toString());
        assertEquals("no-referrer", r.header("Referrer-Policy"), r.headers().toString());
        assertEquals("DENY", r.header("X-Frame-Options"), r.headers().toString());
        assertNull(r.header("Server"), "no Server header: " + r.headers());
        assertNull(r.header("X-Powered-By"), "no X-Powered-By header: " + r.headers());
    }

    private static void assertProblem(Api.Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertEquals("application/problem+json", r.mediaType(), r.toString());
        assertEquals(status, r.json().getInt("status"), r.toString());
        assertBrowserHeaders(r);
    }

    @Test
    void theConsoleGetsAStrictContentSecurityPolicy() {
        Api.Reply console = new Api(base).get("/console/");
        assertEquals(200, console.status(), console.toString());
        assertBrowserHeaders(console);
        assertEquals(CONSOLE_POLICY, console.header("Content-Security-Policy"));
        assertFalse(console.text().contains("<script>") || console.text().contains("style="), "nothing inline for the policy to refuse");
        Api.Reply script = new Api(base).get("/console/js/app.js");
        assertEquals(200, script.status());
        assertBrowserHeaders(script);
    }

    @Test
    void managementResponsesAreNeverCachedAndDeliveryKeepsItsPublicCaching() {
        Api anonymous = new Api(base);
        Api.Reply denied = anonymous.get("/api/manage/me");
        assertProblem(denied, 401);
        assertEquals("no-store, private", denied.header("Cache-Control"));
        Api.Reply me = anonymous.as("admin", ADMIN_PASSWORD).get("/api/manage/me");
        assertEquals(200, me.status(), me.toString());
        assertEquals("no-store, private", me.header("Cache-Control"));
        assertBrowserHeaders(me);
        assertTrue(me.header("Content-Security-Policy").contains("default-src 'none'"), me.headers().toString());

        for (int i = 0; i < 2; i++) { // a miss, then a hit answered by the delivery cache
            Api.Reply list = anonymous.get("/api/v1/exercises?size=1");
            assertEquals(200, list.status(), list.toString());
            assertBrowserHeaders(list);
            assertTrue(list.header("Cache-Control").startsWith("public"), list.headers().toString());
            assertEquals("*", list.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void noWadlAndNoPublicMetrics() {
        Api api = new Api(base);
        assertProblem(api.get("/api/application.wadl"), 404);
        Api.Reply options = api.call("OPTIONS", "/api/manage/me", null, Map.of("Accept", "*/*"));
        assertTrue(options.status() < 300, options.toString());
        assertFalse(options.text().contains("wadl") || String.valueOf(options.mediaType()).contains("wadl"), options.toString());
        try (var r = api.raw("GET", api.root().resolve("/metrics"), null, null)) {
            String body = r.readEntity(String.class);
            assertNotEquals(200, r.getStatus(), body);
            assertFalse(body.contains("# TYPE"), body);
        }
        assertEquals(200, api.call("GET", api.root().resolve("/health/ready").toString(), null, null).status(), "readiness stays public");
    }

    @Test
    void whatTheContainerAnswersIsAProblemToo() {
        Api api = new Api(base);
        assertProblem(api.get("/no-such-page"), 404);
        assertProblem(api.get("/console/no-such-script.js"), 404);
        assertProblem(api.call("DELETE", "/api/v1/exercises", null, null), 405);
        assertProblem(api.call("GET", "/api/v1/exercises", null, Map.of("Accept", "application/xml")), 406);
        try (var r = jakarta.ws.rs.client.ClientBuilder.newClient().target(api.uri("/api/manage/people")).request()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .post(jakarta.ws.rs.client.Entity.entity("x", "text/plain"))) {
            assertEquals(415, r.getStatus());
            assertEquals("application/problem+json", r.getMediaType().toString());
            assertEquals("no-store, private", r.getHeaderString("Cache-Control"));
        }
        Api.Reply put = api.call("PUT", "/console/index.html", "{}", null);
        assertEquals("application/problem+json", put.mediaType(), put.toString());
        assertTrue(put.status() == 403 || put.status() == 405, put.toString());
    }

    @Test
    void anOverlongUrlOrHeaderIsRefusedPromptly() throws Exception {
        String longPath = context() + "/api/v1/" + "a".repeat(20_000);
        String response = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rawHttp("GET " + longPath + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"));
        assertTrue(response.startsWith("HTTP/1.1 400") || response.startsWith("HTTP/1.1 414"), response);
        assertFalse(response.contains("<html"), "never Payara's HTML report: " + response);
        String header = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rawHttp("GET " + context() + "/api/v1/topics HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
        assertTrue(header.startsWith("HTTP/1.1 400") || header.startsWith("HTTP/1.1 431"), header);
        assertFalse(header.contains("<html"), header);
    }

    @Test
    void aForgedHostHeaderIsNeverReflectedInLocation() throws Exception {
        String username = "hosty-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Hal Host\",\"password\":\"a long enough password\","
                + "\"roles\":[\"author\"]}";
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String response = rawHttp("POST " + context() + "/api/manage/people HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Basic " + basic + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(response.startsWith("HTTP/1.1 201"), response);
        assertFalse(response.contains("evil.example"), response);
        assertTrue(response.contains("\r\nLocation: " + context() + "/api/manage/people/" + username + "\r\n"), "a relative Location: " + response);
    }

    @Test
    void aFolderWithoutItsSlashRedirectsWithoutTheHostHeader() throws Exception {
        for (String folder : new String[]{"/console", "/console/js"}) {
            String response = rawHttp("GET " + context() + folder + "?x=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 301"), response);
            assertFalse(response.contains("evil.example"), response);
            assertTrue(response.contains("\r\nLocation: " + context() + folder + "/\r\n"), response);
            assertTrue(response.contains("\r\nX-Content-Type-Options: nosniff\r\n"), response);
        }
    }

    @Test
    void theGlobalAuditIsForAdminsOnly() {
        assertProblem(team.clinician.api().get("/api/manage/audit"), 403);
        assertProblem(team.publisher.api().get("/api/manage/audit"), 403);
        Api.Reply audit = team.admin.get("/api/manage/audit?limit=1");
        assertEquals(200, audit.status(), audit.toString());
        assertEquals(1, audit.json().getJsonArray("items").size());
    }

    @Test
    void aDiffNamesRevisionsThatExist() {
        String slug = team.slug("diff-range");
        team.create("warnings", Samples.warning(slug));
        Api.Reply below = team.author.api().get(Team.path("warnings", slug) + "/diff?from=0&to=1");
        assertProblem(below, 400);
        assertEquals("from", below.json().getJsonArray("violations").getJsonObject(0).getString("field"));
        assertEquals("range", below.json().getJsonArray("violations").getJsonObject(0).getString("rule"));
        assertProblem(team.author.api().get(Team.path("warnings", slug) + "/diff?from=1&to=99"), 404);
        assertEquals(200, team.author.api().get(Team.path("warnings", slug) + "/diff?from=1&to=1").status());
    }

    private static final String ADMIN_PASSWORD = System.getProperty("sacrum.it.adminPassword", "integration-admin-secret");

    /** The deployment's context path, without a trailing slash ("" at the root). */
    private String context() {
        String path = base.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One request written byte for byte (a JAX-RS or JDK client would not send a forged Host or an over-long line). */
    private String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (IOException reset) {
                // the server may close the connection while the request is still being written
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
