package org.sacrum.backup.boundary;

import org.sacrum.backup.control.BackupTables;
import org.sacrum.backup.control.Importer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.identity.control.Caller;
import org.sacrum.platform.entity.RoleNames;
import org.sacrum.platform.control.Json;

import java.io.InputStream;

/** POST /api/manage/import (admin): restores an export into an empty instance, all or nothing. */
@Path("manage/import")
@RequestScoped
public class ImportResource {
    @Inject
    Importer importer;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(RoleNames.ADMIN)
    @Consumes(ExportResource.NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject restore(InputStream body) {
        Importer.Result result = importer.restore(body, caller.person().username());
        importer.evictCaches();
        JsonObjectBuilder counts = Json.createObjectBuilder();
        BackupTables.kinds().forEach(kind -> counts.add(kind, result.counts().get(kind)));
        return Json.createObjectBuilder().add("imported", counts).add("auditEvent", result.auditId())
                .add("notice", "Imported people have no password and no API token: an admin issues each a token "
                        + "(POST /api/manage/people/{username}/tokens). Your own account keeps its password and tokens.").build();
    }
}
