package org.sacrum.delivery.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.content.entity.ContentType;
import org.sacrum.delivery.control.MarkdownRenderer;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.entity.RoleNames;
import org.sacrum.platform.entity.Violation;

import java.util.List;

/**
 * Markdown rendered and sanitised exactly as the delivery API will deliver it, for the console. POST
 * /api/manage/markdown/preview {"markdown": "…"} → {"html": "…"}: one field's live preview, authors only, at most 20,000
 * characters (the content model's longest Markdown field). POST /api/manage/markdown/fields/{type} with a content
 * object → {path: html} for its Markdown fields, as a delivered entry's "html" (a past revision as readers saw it).
 */
@Path("manage/markdown")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.READER)
public class MarkdownPreviewResource {
    static final int MAX_CHARACTERS = 20_000;
    @Inject
    Validator validator;

    /** The text to render. */
    public record MarkdownText(@NotNull String markdown) {
    }

    @POST
    @Path("preview")
    @RolesAllowed(RoleNames.AUTHOR)
    public JsonObject preview(MarkdownText body) {
        RequestBodies.valid(validator, body);
        if (body.markdown().length() > MAX_CHARACTERS) {
            throw RequestBodies.invalid(List.of(new Violation("markdown", "max-length", "must be at most " + MAX_CHARACTERS + " characters")));
        }
        return Json.createObjectBuilder().add("html", MarkdownRenderer.html(body.markdown())).build();
    }

    @POST
    @Path("fields/{type}")
    public JsonObject fields(@PathParam("type") String type, JsonObject content) {
        return MarkdownRenderer.render(ContentType.byPluralOrNotFound(type), content);
    }
}
