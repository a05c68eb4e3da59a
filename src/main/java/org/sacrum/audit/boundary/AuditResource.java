package org.sacrum.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.audit.entity.AuditEvent;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.audit.control.ChainVerification;
import org.sacrum.audit.entity.ChainCheck;
import org.sacrum.platform.entity.RoleNames;

import java.util.List;

/**
 * The whole audit log, oldest first, a page at a time: GET /api/manage/audit?after={id}&limit={n}. Admins only: it
 * names every account, role change and draft; an entry's own audit is at /api/manage/{type}/{slug}/audit.
 */
@Path("manage/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AuditLog audit;
    @Inject
    ChainVerification chain;

    @GET
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject read(@Valid @BeanParam AuditQuery query) {
        return page(audit.read(null, query.after(), query.limit()));
    }

    /**
     * Recomputes the hash chain over the whole log: 200 with "verified" true or false; a break names the first
     * record that does not hold (see ChainCheck for the reasons).
     */
    @GET
    @Path("verify")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject verify() {
        ChainCheck.Result result = chain.verify();
        JsonObjectBuilder answer = Json.createObjectBuilder().add("verified", result.verified()).add("records", result.records());
        if (result.head() == null) answer.addNull("head"); else answer.add("head", result.head());
        ChainCheck.Broken broken = result.firstBroken();
        if (broken != null) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            if (broken.id() == null) b.addNull("id"); else b.add("id", broken.id());
            if (broken.expected() == null) b.addNull("expected"); else b.add("expected", broken.expected());
            if (broken.found() == null) b.addNull("found"); else b.add("found", broken.found());
            answer.add("firstBroken", b.add("why", broken.why()).add("detail", broken.detail()));
        }
        return answer.build();
    }

    public static JsonObject page(List<AuditEvent> events) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        events.forEach(e -> {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.id()).add("at", e.at().toString())
                    .add("actor", e.actor()).add("action", e.action());
            if (e.contentType() != null) {
                b.add("type", e.contentType()).add("slug", e.slug());
            }
            if (e.revisionNumber() != null) {
                b.add("revision", e.revisionNumber());
            }
            if (e.fromState() != null) {
                b.add("from", e.fromState());
            }
            if (e.toState() != null) {
                b.add("to", e.toState());
            }
            if (e.detail() != null) {
                b.add("detail", e.detail());
            }
            if (e.hash() != null) {
                b.add("prevHash", e.prevHash()).add("hash", e.hash());
            }
            items.add(b);
        });
        JsonObjectBuilder page = Json.createObjectBuilder().add("items", items);
        if (!events.isEmpty()) {
            page.add("next", "/api/manage/audit?after=" + events.get(events.size() - 1).id());
        }
        return page.build();
    }
}
