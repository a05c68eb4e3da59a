package org.sacrum.webhooks.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.entity.RoleNames;
import org.sacrum.webhooks.control.Subscriptions;
import org.sacrum.webhooks.entity.Delivery;
import org.sacrum.webhooks.entity.OutboxEvent;
import org.sacrum.webhooks.entity.Subscription;
import org.sacrum.webhooks.entity.SubscriptionRequest;

import java.net.URI;

/**
 * Webhook subscriptions and their deliveries, admins only (a token needs the admin scope): create, list, read,
 * replace, delete, rotate the secret; list deliveries (of one subscription, or all with the edge purges), read one
 * with its attempt log, redeliver it. The secret is shown once, on create and on rotation.
 */
@Path("manage/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public class WebhooksResource {
    @Inject
    Subscriptions subscriptions;
    @Inject
    Validator validator;

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        subscriptions.all().forEach(s -> items.add(WebhookViews.subscription(s)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    public Response create(SubscriptionRequest request) {
        Subscription s = subscriptions.create(RequestBodies.valid(validator, request));
        return Response.created(URI.create("/api/manage/webhooks/" + s.id())).entity(WebhookViews.withSecret(s, s.secret())).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return WebhookViews.subscription(subscriptions.get(id));
    }

    @PUT
    @Path("{id}")
    public JsonObject update(@PathParam("id") String id, SubscriptionRequest request) {
        return WebhookViews.subscription(subscriptions.update(id, RequestBodies.valid(validator, request)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    /** A new secret, shown once; the previous one keeps signing (a second signature) for 24 hours. */
    @POST
    @Path("{id}/rotate-secret")
    public JsonObject rotate(@PathParam("id") String id) {
        String secret = subscriptions.rotate(id);
        return WebhookViews.withSecret(subscriptions.get(id), secret);
    }

    @GET
    @Path("{id}/deliveries")
    public JsonObject deliveriesOf(@PathParam("id") String id, @Valid @BeanParam DeliveryQuery query) {
        Subscription s = subscriptions.get(id);
        return WebhookViews.page(subscriptions.deliveries(s.id(), query.status(), query.before(), query.limit()),
                withStatus("/api/manage/webhooks/" + s.id() + "/deliveries", query));
    }

    @GET
    @Path("deliveries")
    public JsonObject deliveries(@Valid @BeanParam DeliveryQuery query) {
        return WebhookViews.page(subscriptions.deliveries(null, query.status(), query.before(), query.limit()),
                withStatus("/api/manage/webhooks/deliveries", query));
    }

    @GET
    @Path("deliveries/{delivery}")
    public JsonObject delivery(@PathParam("delivery") String id) {
        Delivery d = subscriptions.delivery(id);
        OutboxEvent event = subscriptions.event(d);
        return WebhookViews.delivery(d, event.eventType(), event.payload(), subscriptions.attempts(d));
    }

    @POST
    @Path("deliveries/{delivery}/redeliver")
    public JsonObject redeliver(@PathParam("delivery") String id) {
        return WebhookViews.delivery(subscriptions.redeliver(id));
    }

    private static String withStatus(String path, DeliveryQuery query) {
        return query.status() == null ? path : path + "?status=" + query.status();
    }
}
