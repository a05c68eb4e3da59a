package org.sacrum.delivery.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.delivery.control.MarkdownRenderer;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.entity.RoleNames;

/**
 * POST /api/manage/markdown/preview {"markdown": "…"} → {"html": "…"}: a Markdown field rendered and sanitised exactly
 * as the delivery API will deliver it, for the console's live preview. Authors only; at most 20,000 characters (the
 * content model's longest Markdown field).
 */
@Path("manage/markdown/preview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.AUTHOR)
public class MarkdownPreviewResource {
    static final int MAX_CHARACTERS = 20_000;
    @Inject
    Validator validator;

    /** The text to render. */
    public record MarkdownText(@NotNull @Size(max = MAX_CHARACTERS) String markdown) {
    }

    @POST
    public JsonObject preview(MarkdownText body) {
        RequestBodies.valid(validator, body);
        return Json.createObjectBuilder().add("html", MarkdownRenderer.html(body.markdown())).build();
    }
}
