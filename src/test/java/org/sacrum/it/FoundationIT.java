package org.sacrum.it;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame every feature stands on: health, problem+json errors, OpenAPI. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sacrumWar();
    }

    @ArquillianResource
    URL base;

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
        try (Response r = api.raw("GET", api.root().resolve("/openapi"), null, null)) {
            assertEquals(200, r.getStatus());
            String document = r.readEntity(String.class);
            assertTrue(document.contains("/api/v1/{type}/{slug}") && document.contains("/api/manage/{type}/{slug}/approve"), document);
        }
    }
}
