package org.sacrum.delivery.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.sacrum.content.control.ContentModel;
import org.sacrum.platform.control.Json;

import java.util.Optional;

/**
 * Where a reader goes for each urgency, per locale (content-model/care-routes.json: en-GB 999, NHS 111, maternity
 * triage, ...), so a site can route a warning to the service its urgency implies. A locale without a table has no route.
 */
public final class CareRoutes {
    private static final JsonObject ROUTES = ContentModel.read("care-routes.json").asJsonObject();

    private CareRoutes() {
    }

    public static Optional<JsonObject> route(String locale, String urgency) {
        JsonObject table = ROUTES.getJsonObject("locales").getJsonObject(locale);
        if (table == null || urgency == null || !(table.get(urgency) instanceof JsonArray options)) {
            return Optional.empty();
        }
        return Optional.of(Json.createObjectBuilder().add("locale", locale).add("urgency", urgency).add("options", options)
                .add("editorial", ROUTES.getBoolean("editorial", true)).build());
    }
}
