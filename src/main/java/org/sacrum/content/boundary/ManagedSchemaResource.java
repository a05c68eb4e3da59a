package org.sacrum.content.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.control.LinkFields;
import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.RoleNames;


/**
 * What an editing form needs about a content type, from the content model: its JSON Schema (with the shared schemas
 * it refers to, by file name), which fields link to entries of which type, which are Markdown, and which a draft needs.
 * GET /api/manage/schemas/{plural}, for anyone signed in.
 */
@Path("manage/schemas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.READER)
public class ManagedSchemaResource {

    @GET
    @Path("{type}")
    public JsonObject get(@PathParam("type") String plural) {
        ContentType type = ContentType.byPluralOrNotFound(plural);
        JsonObjectBuilder files = Json.createObjectBuilder();
        ContentModel.current().data().schemas().forEach(files::add);
        JsonObjectBuilder links = Json.createObjectBuilder();
        LinkFields.of(type).forEach((path, linked) -> links.add(path, Json.createObjectBuilder()
                .add("type", linked.id()).add("plural", linked.plural())));
        JsonArrayBuilder markdown = Json.createArrayBuilder();
        ContentModel.markdownFields(type).forEach(markdown::add);
        JsonArrayBuilder draftRequired = Json.createArrayBuilder();
        ContentModel.draftRequired(type).forEach(draftRequired::add);
        return Json.createObjectBuilder().add("type", type.id()).add("plural", type.plural()).add("file", type.schemaFile())
                .add("schemas", files).add("links", links).add("markdownFields", markdown).add("draftRequired", draftRequired).build();
    }
}
