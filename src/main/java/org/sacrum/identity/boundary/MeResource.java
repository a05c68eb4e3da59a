package org.sacrum.identity.boundary;

import org.sacrum.identity.control.ApiTokens;
import org.sacrum.identity.control.Caller;
import org.sacrum.identity.control.CredentialChanges;
import org.sacrum.identity.entity.NewToken;
import org.sacrum.identity.entity.PasswordChange;
import org.sacrum.identity.entity.Person;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.entity.RoleNames;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

/** The signed-in caller: who they are, their password, and their own API tokens. */
@Path("manage/me")
@Stateless
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.READER)
public class MeResource {
    @Inject
    Caller caller;
    @Inject
    ApiTokens tokens;
    @Inject
    CredentialChanges credentials;

    @GET
    public JsonObject me() {
        Person me = caller.person();
        JsonArrayBuilder list = Json.createArrayBuilder();
        tokens.of(me).forEach(t -> list.add(IdentityViews.token(t)));
        return Json.createObjectBuilder(IdentityViews.person(me)).add("tokens", list).build();
    }

    /** Replaces the caller's password (the first admin's one-time password, say); needs the current one. */
    @PUT
    @Path("password")
    public Response changePassword(PasswordChange request) {
        credentials.changePassword(caller.person(), request);
        return Response.noContent().build();
    }

    @POST
    @Path("tokens")
    public Response issue(NewToken request) {
        ApiTokens.Issued issued = credentials.issueToken(caller.person(), request);
        return Response.status(201).entity(IdentityViews.issued(issued.token(), issued.secret())).build();
    }

    @DELETE
    @Path("tokens/{id}")
    public JsonObject revoke(@PathParam("id") String id) {
        return IdentityViews.token(credentials.revokeToken(caller.person(), id));
    }
}
