package org.sacrum.entries.boundary;

import org.sacrum.audit.boundary.AuditResource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.security.enterprise.SecurityContext;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Action;
import org.sacrum.entries.entity.Currency;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.Entry;
import org.sacrum.identity.entity.Role;
import org.sacrum.entries.control.EntryQueries;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.identity.control.Caller;
import org.sacrum.platform.entity.RoleNames;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.control.WholeNumber;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.control.RevisionDiff;
import org.sacrum.entries.control.RevisionStore;
import org.sacrum.entries.entity.ApprovalRequest;
import org.sacrum.entries.entity.ChangeRequest;
import org.sacrum.entries.entity.ReviewComment;
import org.sacrum.entries.control.Workflow;
import org.sacrum.entries.control.PublicationHistory;
import org.sacrum.platform.control.SacrumClock;
import java.time.Instant;
import org.sacrum.entries.entity.Withdrawal;
import org.sacrum.entries.entity.WithdrawalRequest;
import org.sacrum.platform.boundary.OptionalBody;
import org.sacrum.platform.control.BoundedJsonReader;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/**
 * The management API for authors, clinicians and publishers: /api/manage/{type}/{slug}/... Every call needs a
 * signed-in caller; which roles may take each workflow action is workflow.json's, judged by the actor-has-role rule
 * before anything else (403). Writes answer with the entry and its ETag; every view carries the caller's allowedActions.
 */
@Path("manage/{type}")
@RolesAllowed(RoleNames.READER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ManagementResource {
    @PathParam("type")
    String typeName;
    @QueryParam("locale")
    @DefaultValue("en-GB")
    String locale;

    /** The longest change note a revision keeps. */
    static final int MAX_CHANGE_NOTE = 500;

    @Inject
    Workflow workflow;
    @Inject
    EntryQueries entries;
    @Inject
    RevisionStore revisions;
    @Inject
    EntryViews views;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    SecurityContext security;
    @Inject
    PublicationHistory history;
    @Inject
    SacrumClock clock;

    private static int revisionNumber(String field, String raw, int defaultValue) {
        return WholeNumber.parseInt(field, raw, defaultValue, 1, Integer.MAX_VALUE);
    }

    @GET
    public JsonObject list(@Valid @BeanParam EntryListQuery query) {
        int page = query.page();
        int size = query.size();
        JsonArrayBuilder items = Json.createArrayBuilder();
        Instant asOf = query.asOf(clock.now());
        if (asOf != null) { // what the public could read then, from the publication history
            history.publicAt(type(), locale, asOf, (page - 1) * size, size).forEach(p -> items.add(views.publication(p)));
            return Json.createObjectBuilder().add("items", items).add("page", page).add("size", size).add("asOf", asOf.toString()).build();
        }
        Actor actor = actor();
        Currency currency = query.currency();
        String search = query.search();
        views.summaries(currency == null ? entries.ofType(type(), query.state(), search, (page - 1) * size, size)
                : workflow.withCurrency(type(), query.state(), currency, (page - 1) * size, size), actor).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).add("page", page).add("size", size).build();
    }

    @POST
    public Response create(JsonObject body) {
        Actor actor = mayAttempt(Action.CREATE);
        Entry entry = workflow.create(type(), content(body), changeNote(body), actor, false);
        return written(Response.created(URI.create("/api/manage/" + entry.contentType().plural() + "/" + entry.slug())), entry);
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug) {
        return written(Response.ok(), entries.get(ref(slug)));
    }

    @PUT
    @Path("{slug}")
    public Response edit(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
        Actor actor = mayAttempt(Action.EDIT);
        return written(Response.ok(), workflow.edit(ref(slug), ifMatch, content(body), changeNote(body), actor));
    }

    @POST
    @Path("{slug}/submit")
    public Response submit(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), workflow.submit(ref(slug), ifMatch, mayAttempt(Action.SUBMIT)));
    }

    @POST
    @Path("{slug}/request-changes")
    public Response requestChanges(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, ChangeRequest body) {
        return written(Response.ok(), workflow.requestChanges(ref(slug), ifMatch, body, mayAttempt(Action.REQUEST_CHANGES)));
    }

    @POST
    @Path("{slug}/approve")
    public Response approve(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, ApprovalRequest body) {
        return written(Response.ok(), workflow.approve(ref(slug), ifMatch, body, mayAttempt(Action.APPROVE)));
    }

    @POST
    @Path("{slug}/publish")
    public Response publish(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), workflow.publish(ref(slug), ifMatch, mayAttempt(Action.PUBLISH)));
    }

    @POST
    @Path("{slug}/unpublish")
    public Response unpublish(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                              @OptionalBody WithdrawalRequest body) {
        Actor actor = mayAttempt(Action.UNPUBLISH);
        return written(Response.ok(), workflow.unpublish(ref(slug), ifMatch, actor, Withdrawal.of(body, slug)));
    }

    @POST
    @Path("{slug}/archive")
    public Response archive(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                            @OptionalBody WithdrawalRequest body) {
        Actor actor = mayAttempt(Action.ARCHIVE);
        return written(Response.ok(), workflow.archive(ref(slug), ifMatch, actor, Withdrawal.of(body, slug)));
    }

    /** Sets or clears when the schedule job publishes and withdraws the entry: publishers, with If-Match. */
    @PUT
    @Path("{slug}/schedule")
    public Response schedule(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
        Actor actor = mayAttempt(Action.PUBLISH);
        return written(Response.ok(), workflow.schedule(ref(slug), ifMatch, ScheduleBody.read(body), actor));
    }

    @GET
    @Path("{slug}/revisions")
    public JsonObject revisions(@PathParam("slug") String slug, @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        // oldest first, a page at a time: a long history (1,000 revisions) is never read or sent whole
        int size = WholeNumber.parseInt("size", sizeParam, REVISIONS_PAGE, 1, MAX_REVISIONS_PAGE);
        int page = WholeNumber.parseInt("page", pageParam, 1, 1, Integer.MAX_VALUE / MAX_REVISIONS_PAGE);
        Entry entry = entries.get(ref(slug));
        JsonArrayBuilder items = views.revisions(revisions.summaries(entry, (page - 1) * size, size));
        int total = entry.latestRevision(); // revisions are numbered 1..latest without gaps
        return Json.createObjectBuilder().add("items", items).add("page", page).add("size", size).add("total", total)
                .add("pages", (total + size - 1) / size).build();
    }

    /** Revisions a history page holds unless ?size= says otherwise, and at most. */
    static final int REVISIONS_PAGE = 100;
    static final int MAX_REVISIONS_PAGE = 500;

    @GET
    @Path("{slug}/revisions/{number}")
    public JsonObject revision(@PathParam("slug") String slug, @PathParam("number") String number) {
        return views.revision(revisions.get(entries.get(ref(slug)), revisionNumber("number", number, 0)));
    }

    @POST
    @Path("{slug}/revisions/{number}/restore")
    public Response restore(@PathParam("slug") String slug, @PathParam("number") String number, @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), workflow.restore(ref(slug), ifMatch, revisionNumber("number", number, 0), mayAttempt(Action.EDIT)));
    }

    /** Field-level diff; by default from the published revision (or the previous one) to the latest. */
    @GET
    @Path("{slug}/diff")
    public JsonObject diff(@PathParam("slug") String slug, @Valid @BeanParam DiffQuery query) {
        Integer from = query.from();
        Integer to = query.to();
        Entry entry = entries.get(ref(slug));
        int toNumber = to != null ? to : entry.latestRevision();
        int fromNumber = from != null ? from
                : entry.publishedRevision() != null && entry.publishedRevision() != toNumber ? entry.publishedRevision()
                : Math.max(1, toNumber - 1);
        Revision a = revisions.get(entry, fromNumber);
        Revision b = revisions.get(entry, toNumber);
        JsonArrayBuilder changes = Json.createArrayBuilder();
        RevisionDiff.between(a.content(), b.content()).forEach(c -> {
            var change = Json.createObjectBuilder().add("field", c.field()).add("change", c.change());
            change.add("from", c.from() == null ? JsonValue.NULL : c.from());
            change.add("to", c.to() == null ? JsonValue.NULL : c.to());
            if (c.inline() != null) {
                change.add("inline", c.inline());
            }
            changes.add(change);
        });
        return Json.createObjectBuilder().add("from", fromNumber).add("to", toNumber).add("changes", changes).build();
    }

    @GET
    @Path("{slug}/comments")
    public JsonObject comments(@PathParam("slug") String slug) {
        Entry entry = entries.get(ref(slug));
        List<ReviewComment> comments = entries.comments(entry);
        return Json.createObjectBuilder().add("items", views.comments(comments)).build();
    }

    @GET
    @Path("{slug}/audit")
    public JsonObject audit(@PathParam("slug") String slug) {
        return AuditResource.page(audit.read(entries.get(ref(slug)).id(), 0, 1000));
    }

    private Response written(Response.ResponseBuilder response, Entry entry) {
        return response.tag(EntityTag.valueOf(entry.etag())).entity(views.entry(entry, actor())).build();
    }

    /** The caller, with the roles this request carries (a token's scopes may cut down its owner's). */
    private Actor actor() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(Role.values()).filter(r -> security.isCallerInRole(r.id())).forEach(roles::add);
        return Actor.of(caller.person(), roles);
    }

    /** The caller, once the actor-has-role rule allows them the action: before the body or the entry is read. */
    private Actor mayAttempt(Action action) {
        Actor actor = actor();
        workflow.mayAttempt(action, actor);
        return actor;
    }

    private ContentType type() {
        return ContentType.byPluralOrNotFound(typeName);
    }

    private EntryRef ref(String slug) {
        return new EntryRef(type(), slug, locale);
    }

    /** The body's content; a body without one is well-formed JSON breaking a rule: 422, like any invalid body. */
    private static JsonValue content(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("body-missing", "A JSON body is required.", List.of(new Violation("", "required", "body is required")));
        }
        if (!body.containsKey("content")) {
            throw RequestBodies.invalid(List.of(new Violation("content", "required", "is required: {\"content\": {...}, \"changeNote\": \"...\"}")));
        }
        return body.get("content");
    }

    /** The change note: a string (else 400, like any wrong type) of at most 500 characters (else 422 max-length). */
    private static String changeNote(JsonObject body) {
        JsonValue note = body == null ? null : body.get("changeNote");
        if (note == null || note == JsonValue.NULL) {
            return null;
        }
        if (note.getValueType() != JsonValue.ValueType.STRING) {
            throw ProblemException.badRequest("change-note-not-string", "changeNote must be a string.",
                    List.of(new Violation("changeNote", "type", "must be a string")));
        }
        String text = body.getString("changeNote");
        if (text.length() > MAX_CHANGE_NOTE) {
            throw RequestBodies.invalid(List.of(new Violation("changeNote", "max-length", "must be at most " + MAX_CHANGE_NOTE + " characters")));
        }
        return text;
    }
}
