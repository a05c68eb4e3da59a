package org.sacrum.delivery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sacrum.edge.entity.SurrogateKeys;
import org.sacrum.entries.control.PublicationHistory;
import org.sacrum.entries.entity.Publication;

import java.util.List;

/**
 * What changed for the public since a cursor, so a static site rebuilds only those pages:
 * GET /api/v1/changes?since={cursor}. Each item is a publication or a withdrawal (with its category), read from the
 * publication history; "next" is the cursor to pass next time. Only changes to public content appear: drafts never do.
 */
@Path("v1/changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {
    @Inject
    PublicationHistory history;

    @GET
    public Response changes(@Valid @BeanParam ChangeFeedQuery query) {
        long cursor = query.since();
        List<PublicationHistory.Change> changes = history.changes(cursor, query.limit());
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (PublicationHistory.Change c : changes) {
            Publication p = c.publication();
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("cursor", c.cursor())
                    .add("change", c.published() ? "published" : "withdrawn")
                    .add("type", p.contentType().id())
                    .add("slug", p.slug())
                    .add("revision", p.revisionNumber())
                    .add("at", c.at().toString())
                    .add("url", "/api/v1/" + p.contentType().plural() + "/" + p.slug());
            if (!c.published()) {
                item.add("category", p.withdrawalCategory());
                if (p.successor() != null) {
                    item.add("successor", p.successor());
                }
            }
            items.add(item);
        }
        long next = changes.isEmpty() ? cursor : changes.get(changes.size() - 1).cursor();
        // not cached by Sacrum's headers (no Cache-Control); tagged in case an edge is configured to cache it
        return Response.ok(Json.createObjectBuilder().add("items", items).add("next", Long.toString(next)).build())
                .header(SurrogateKeys.HEADER, SurrogateKeys.CHANGES).build();
    }
}
