package org.sacrum.webhooks.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.sacrum.platform.control.Json;
import org.sacrum.webhooks.entity.Attempt;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.Subscription;

import java.util.List;

/** JSON views of subscriptions (never the secret, except once on create and rotate), deliveries and attempts. */
final class WebhookViews {
    private WebhookViews() {
    }

    static JsonObject subscription(Subscription s) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        s.eventTypes().forEach(events::add);
        JsonArrayBuilder types = Json.createArrayBuilder();
        s.contentTypes().forEach(types::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", s.id()).add("url", s.url()).add("events", events)
                .add("contentTypes", types).add("enabled", s.enabled()).add("createdAt", s.createdAt().toString())
                .add("updatedAt", s.updatedAt().toString()).add("deliveries", "/api/manage/webhooks/" + s.id() + "/deliveries");
        if (s.disabledReason() != null) {
            b.add("disabledReason", s.disabledReason());
        }
        if (s.previousSecretUntil() != null) {
            b.add("previousSecretValidUntil", s.previousSecretUntil().toString());
        }
        return b.build();
    }

    /** The one time the secret is shown: on create and on rotation. */
    static JsonObject withSecret(Subscription s, String secret) {
        return Json.createObjectBuilder(subscription(s)).add("secret", secret).build();
    }

    static JsonObject delivery(Delivery d) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", d.id()).add("kind", d.kind()).add("event", d.eventId())
                .add("status", d.status()).add("attempts", d.attempts()).add("createdAt", d.createdAt().toString())
                .add("updatedAt", d.updatedAt().toString());
        if (d.subscriptionId() != null) {
            b.add("subscription", d.subscriptionId());
        } else {
            b.add("edge", d.edgeUrl());
        }
        if (Delivery.PENDING.equals(d.status())) {
            b.add("nextAttemptAt", d.nextAttemptAt().toString());
        }
        if (d.lastStatus() != null) {
            b.add("lastStatus", d.lastStatus());
        }
        if (d.lastError() != null) {
            b.add("lastError", d.lastError());
        }
        return b.build();
    }

    static JsonObject delivery(Delivery d, String eventType, String payload, List<Attempt> attempts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        attempts.forEach(a -> {
            JsonObjectBuilder b = Json.createObjectBuilder().add("at", a.at().toString()).add("status", a.status())
                    .add("latencyMillis", a.latencyMillis());
            if (a.snippet() != null) {
                b.add("snippet", a.snippet());
            }
            if (a.error() != null) {
                b.add("error", a.error());
            }
            list.add(b);
        });
        return Json.createObjectBuilder(delivery(d)).add("eventType", eventType).add("payload", payload).add("attemptLog", list).build();
    }

    static JsonObject page(List<Delivery> deliveries, String path) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        deliveries.forEach(d -> items.add(delivery(d)));
        JsonObjectBuilder page = Json.createObjectBuilder().add("items", items);
        if (!deliveries.isEmpty()) {
            page.add("next", path + (path.contains("?") ? "&" : "?") + "before=" + deliveries.get(deliveries.size() - 1).id());
        }
        return page.build();
    }
}
