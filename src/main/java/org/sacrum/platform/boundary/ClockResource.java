package org.sacrum.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.RoleNames;
import org.sacrum.platform.entity.Violation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Admins: GET /api/manage/clock reads Sacrum's time; PUT moves it (only where sacrum.clock.adjustable is true, i.e.
 * in tests; elsewhere 409 clock-fixed), DELETE puts it back. Its own root path: under @Path("manage") the management
 * API's manage/{type} (more literal characters) would take the request and answer 404 "No content type 'clock'".
 */
@Path("manage/clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public class ClockResource {
    @Inject
    SacrumClock clock;

    @GET
    public JsonObject read() {
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject set(JsonObject body) {
        if (!clock.adjustable()) {
            throw ProblemException.conflict("clock-fixed", "This instance's clock follows the system clock.", List.of());
        }
        String now = body != null && body.containsKey("now") && body.get("now").getValueType() == jakarta.json.JsonValue.ValueType.STRING
                ? body.getString("now") : null;
        try {
            clock.set(Instant.parse(now == null ? "" : now));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-body", "Send {\"now\": \"<ISO-8601 instant>\"}.",
                    List.of(new Violation("now", "instant", "must be an ISO-8601 instant such as 2027-03-03T10:00:00Z")));
        }
        return view();
    }

    @DELETE
    public JsonObject reset() {
        clock.reset();
        return view();
    }

    private JsonObject view() {
        return Json.createObjectBuilder().add("now", clock.now().toString()).add("adjustable", clock.adjustable())
                .add("offsetSeconds", clock.offset().toSeconds()).build();
    }
}
