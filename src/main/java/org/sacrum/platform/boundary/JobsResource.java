package org.sacrum.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.platform.control.Jobs;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.JobTick;
import org.sacrum.platform.entity.RoleNames;

/** Admins: POST /api/manage/jobs/run runs the background jobs now and answers {at, done: [what each job did]}. */
@Path("manage/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public class JobsResource {
    @Inject
    Jobs jobs;

    @POST
    @Path("run")
    public JsonObject run() {
        JobTick tick = jobs.runNow();
        JsonArrayBuilder done = Json.createArrayBuilder();
        tick.done().forEach(done::add);
        return Json.createObjectBuilder().add("at", tick.now().toString()).add("done", done).build();
    }
}
