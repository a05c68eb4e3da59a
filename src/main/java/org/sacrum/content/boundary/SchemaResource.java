package org.sacrum.content.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.sacrum.content.control.SchemaDocuments;
import org.sacrum.platform.control.Hashes;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;

import java.util.List;

/**
 * The content model's JSON Schemas (2020-12), public: GET /api/v1/schemas lists them, GET /api/v1/schemas/{name}
 * serves one exactly as content-model/schemas holds it ("exercise" for exercise.schema.json; a delivered entry's
 * "type" is its schema's name). A $ref such as "common.schema.json#/$defs/markdown" names the schema "common", and
 * GET /api/v1/schemas/common.schema.json serves it too, so that tools resolving a served schema's $refs find them.
 */
@Path("v1/schemas")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, SchemaResource.SCHEMA_JSON})
public class SchemaResource {
    static final String SCHEMA_JSON = "application/schema+json";
    private static final String SCHEMA_FILE = ".schema.json";
    /** A schema changes only with a new deployment of Sacrum. */
    static final String CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";
    @Inject
    SchemaDocuments schemas;
    @Context
    UriInfo uri;
    @Context
    Request request;

    @GET
    public Response list() {
        refuseParameters();
        JsonArrayBuilder items = Json.createArrayBuilder();
        String base = uri.getBaseUri().getRawPath() + "v1/schemas/";
        for (SchemaDocuments.Document schema : schemas.all()) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("name", schema.name()).add("title", schema.title())
                    .add("$id", schema.id()).add("self", base + schema.name());
            schema.contentType().ifPresent(type -> item.add("contentType", type.id()).add("delivery", uri.getBaseUri().getRawPath() + "v1/" + type.plural()));
            items.add(item);
        }
        String body = Json.createObjectBuilder().add("items", items).build().toString();
        return cacheable(body, Hashes.sha256(body).substring(0, 32), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        refuseParameters();
        // "common.schema.json" too: a served schema's relative $ref resolves, against its URL, to that name
        String shortName = name.endsWith(SCHEMA_FILE) ? name.substring(0, name.length() - SCHEMA_FILE.length()) : name;
        SchemaDocuments.Document schema = schemas.find(shortName).orElseThrow(() -> unknown(name));
        return cacheable(schema.body(), schema.etag(), null);
    }

    /** Strong ETag and public caching; 304 when the client holds this body already. */
    private Response cacheable(String body, String etag, String mediaType) {
        EntityTag tag = new EntityTag(etag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : mediaType == null ? Response.ok(body) : Response.ok(body, mediaType);
        return response.tag(tag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept").build();
    }

    /** Like every delivery read, these take no parameter they do not define (a cache-buster too is a 400). */
    private void refuseParameters() {
        String query = uri.getRequestUri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            String first = query.split("[&=]", 2)[0];
            throw ProblemException.badRequest("invalid-query", "The schemas take no query parameters.", List.of(new Violation(
                    first.length() > 40 ? first.substring(0, 40) + "…" : first, "unknown-parameter", "the schemas take no query parameters")));
        }
    }

    private ProblemException unknown(String name) {
        List<String> names = schemas.all().stream().map(SchemaDocuments.Document::name).toList();
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return new ProblemException(Problem.of(404, "unknown-schema", "Not found", "No schema '" + shown + "'; the schemas are "
                + String.join(", ", names) + ".", List.of(new Violation("name", "unknown-schema", "must be one of " + String.join(", ", names)))));
    }
}
