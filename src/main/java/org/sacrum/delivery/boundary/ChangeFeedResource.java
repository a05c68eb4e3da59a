package org.sacrum.delivery.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.audit.entity.AuditEvent;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.control.Workflow;

import java.util.List;

/**
 * What changed for the public since a cursor, so a static site rebuilds only those pages:
 * GET /api/v1/changes?since={cursor}. Each item is a publication or a withdrawal; "next" is the cursor to
 * pass next time. Only changes to public content appear: drafts never do.
 */
@Path("v1/changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {
    @Inject
    AuditLog audit;

    @GET
    public JsonObject changes(@Valid @BeanParam ChangeFeedQuery query) {
        long cursor = query.since();
        int limit = query.limit();
        List<AuditEvent> events = audit.readActions(List.of(Workflow.CHANGE_PUBLISHED, Workflow.CHANGE_WITHDRAWN), cursor, limit);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (AuditEvent e : events) {
            String plural = ContentType.byId(e.contentType()).map(ContentType::plural).orElse(e.contentType());
            items.add(Json.createObjectBuilder()
                    .add("cursor", e.id())
                    .add("change", Workflow.CHANGE_PUBLISHED.equals(e.action()) ? "published" : "withdrawn")
                    .add("type", e.contentType())
                    .add("slug", e.slug())
                    .add("revision", e.revisionNumber())
                    .add("at", e.at().toString())
                    .add("url", "/api/v1/" + plural + "/" + e.slug()));
        }
        long next = events.isEmpty() ? cursor : events.get(events.size() - 1).id();
        return Json.createObjectBuilder().add("items", items).add("next", Long.toString(next)).build();
    }
}
