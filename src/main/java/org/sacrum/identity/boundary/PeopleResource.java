package org.sacrum.identity.boundary;

import org.sacrum.identity.control.Accounts;
import org.sacrum.identity.control.ApiTokens;
import org.sacrum.identity.control.Caller;
import org.sacrum.identity.control.CredentialChanges;
import org.sacrum.identity.control.People;
import org.sacrum.identity.entity.NewPerson;
import org.sacrum.identity.entity.NewToken;
import org.sacrum.identity.entity.PasswordReset;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.control.Json;
import org.sacrum.platform.control.RequestBodies;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.RoleNames;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
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

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People and tokens, for admins (identity.control.Accounts and CredentialChanges do the work): add people, grant and
 * revoke roles, disable and enable accounts, reset passwords and revoke anyone's tokens, but issue tokens only for
 * themselves (no impersonation). Everyone signed in manages their own tokens through {@link MeResource}.
 */
@Path("manage/people")
@Stateless
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {
    @Inject
    People people;
    @Inject
    Accounts accounts;
    @Inject
    CredentialChanges credentials;
    @Inject
    Caller caller;
    @Inject
    Validator validator;

    @GET
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        people.all().forEach(p -> items.add(IdentityViews.person(p)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    @RolesAllowed(RoleNames.ADMIN)
    public Response create(NewPerson request) {
        RequestBodies.valid(validator, request);
        Set<Role> roles = request.roles().stream().map(r -> Role.byId(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Person person = new Person(request.username(), request.displayName(), roles, false);
        person.email(request.email());
        person.credential(request.profession(), request.registrationBody(), request.registrationNumber());
        accounts.create(person, request.password());
        return Response.created(URI.create("/api/manage/people/" + person.username())).entity(IdentityViews.person(person)).build();
    }

    @GET
    @Path("{username}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject get(@PathParam("username") String username) {
        return IdentityViews.person(person(username));
    }

    @PUT
    @Path("{username}/roles/{role}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject grant(@PathParam("username") String username, @PathParam("role") String roleName) {
        Person person = person(username);
        accounts.grant(person, role(roleName));
        return IdentityViews.person(person);
    }

    @DELETE
    @Path("{username}/roles/{role}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject revoke(@PathParam("username") String username, @PathParam("role") String roleName) {
        Person person = person(username);
        accounts.revoke(person, role(roleName));
        return IdentityViews.person(person);
    }

    /** Only for the admin's own account: admins do not act as someone else. */
    @POST
    @Path("{username}/tokens")
    @RolesAllowed(RoleNames.ADMIN)
    public Response issueFor(@PathParam("username") String username, NewToken request) {
        if (!caller.person().username().equals(username)) {
            throw CredentialChanges.impersonation();
        }
        ApiTokens.Issued issued = credentials.issueToken(person(username), request);
        return Response.status(201).entity(IdentityViews.issued(issued.token(), issued.secret())).build();
    }

    /** Disabled people can neither sign in nor use their tokens, from the very next request; nothing is deleted. */
    @POST
    @Path("{username}/disable")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject disable(@PathParam("username") String username) {
        Person person = person(username);
        accounts.disable(person);
        return IdentityViews.person(person);
    }

    @POST
    @Path("{username}/enable")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject enable(@PathParam("username") String username) {
        Person person = person(username);
        accounts.enable(person);
        return IdentityViews.person(person);
    }

    /** Sets a new password for someone who lost theirs (audited); they should replace it at once. */
    @PUT
    @Path("{username}/password")
    @RolesAllowed(RoleNames.ADMIN)
    public Response resetPassword(@PathParam("username") String username, PasswordReset request) {
        RequestBodies.valid(validator, request);
        credentials.resetPassword(person(username), request);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}/tokens/{id}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject revokeFor(@PathParam("username") String username, @PathParam("id") String id) {
        return IdentityViews.token(credentials.revokeToken(person(username), id));
    }

    private Person person(String username) {
        return people.byUsername(username).orElseThrow(() -> ProblemException.notFound("No person '" + username + "'."));
    }

    private static Role role(String name) {
        return Role.byId(name).orElseThrow(() -> ProblemException.notFound("No role '" + name + "'."));
    }
}
