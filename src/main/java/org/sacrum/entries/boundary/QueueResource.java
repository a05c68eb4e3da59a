package org.sacrum.entries.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.entries.control.EntryQueries;
import org.sacrum.entries.control.Workflow;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.entity.QueueSection;
import org.sacrum.identity.control.Caller;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.WholeNumber;
import org.sacrum.platform.entity.RoleNames;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GET /api/manage/queue: the editorial review queue in one request, grouped by the server: each section (awaiting
 * review, changes requested, re-review pending, overdue, due soon, ready to publish, drafts) with its total and its
 * first entries of every type, as the management list summarises them.
 */
@Path("manage/queue")
@RolesAllowed(RoleNames.READER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    /** Entries a section shows unless ?size= says otherwise, and at most. */
    static final int SIZE = 100;
    static final int MAX_SIZE = 500;

    @Inject
    EntryQueries entries;
    @Inject
    Workflow workflow;
    @Inject
    EntryViews views;
    @Inject
    Caller caller;
    @Inject
    SecurityContext security;

    @GET
    public JsonObject queue(@QueryParam("size") String sizeParam) {
        int size = WholeNumber.parseInt("size", sizeParam, SIZE, 1, MAX_SIZE);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(r -> security.isCallerInRole(r.id())).forEach(roles::add);
        Actor actor = Actor.of(caller.person(), roles);
        JsonArrayBuilder sections = Json.createArrayBuilder();
        for (QueueSection section : QueueSection.ALL) {
            List<Entry> first = section.state() != null ? entries.inState(section.state(), size)
                    : workflow.withCurrency(null, null, section.currency(), 0, size);
            long total = section.state() != null ? entries.countInState(section.state()) : workflow.countWithCurrency(section.currency());
            JsonArrayBuilder items = Json.createArrayBuilder();
            views.summaries(first, actor).forEach(items::add);
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", section.id());
            if (section.state() != null) {
                b.add("state", section.state().id());
            } else {
                b.add("currency", section.currency().id());
            }
            sections.add(b.add("total", total).add("items", items));
        }
        return Json.createObjectBuilder().add("size", size).add("sections", sections).build();
    }
}
