package org.sacrum.backup.boundary;

import org.sacrum.backup.control.Exporter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.sacrum.identity.control.Caller;
import org.sacrum.platform.entity.RoleNames;

import java.io.BufferedOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** GET /api/manage/export (admin): everything that makes the content true, streamed as NDJSON with a manifest. */
@Path("manage/export")
@RequestScoped
public class ExportResource {
    public static final String NDJSON = "application/x-ndjson";

    @Inject
    Exporter exporter;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed(RoleNames.ADMIN)
    @Produces(NDJSON)
    public Response export() {
        String admin = caller.person().username();
        exporter.recordExport(admin);
        StreamingOutput body = out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            exporter.write(buffered, admin);
            buffered.flush();
        };
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"sacrum-export-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
