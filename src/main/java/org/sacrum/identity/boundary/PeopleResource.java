package org.sacrum.identity.boundary;

import org.sacrum.identity.control.ApiTokens;
import org.sacrum.identity.control.Caller;
import org.sacrum.identity.control.FirstAdmin;
import org.sacrum.identity.control.PasswordStrength;
import org.sacrum.identity.control.People;
import org.sacrum.identity.control.TokenScopes;
import org.sacrum.identity.entity.ApiToken;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.entity.Role;
import org.sacrum.identity.entity.Scope;
import org.sacrum.platform.entity.RoleNames;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.sacrum.audit.control.AuditLog;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People and tokens: admins add people, grant and revoke roles, disable and enable accounts, reset passwords and
 * revoke anyone's tokens, but issue tokens only for themselves (no impersonation). The last active admin can be
 * neither disabled nor lose the admin role. Every change is audited. Everyone signed in manages their own tokens
 * through {@link MeResource}.
 */
@Path("manage/people")
@Stateless
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {
    @Inject
    People people;
    @Inject
    ApiTokens tokens;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Validator validator;

    @GET
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        people.all().forEach(p -> items.add(view(p)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    @RolesAllowed(RoleNames.ADMIN)
    public Response create(NewPerson request) {
        valid(request);
        PasswordStrength.check("password", request.username(), request.password());
        if (people.byUsername(request.username()).isPresent()) {
            throw People.usernameTaken();
        }
        Set<Role> roles = request.roles().stream().map(r -> Role.byId(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Person person = new Person(request.username(), request.displayName(), roles, false);
        person.email(request.email());
        person.credential(request.profession(), request.registrationBody(), request.registrationNumber());
        people.create(person, request.password());
        audit.record(caller.person().username(), "person-create", person.username() + " with roles " + roles);
        return Response.created(URI.create("/api/manage/people/" + person.username())).entity(view(person)).build();
    }

    @GET
    @Path("{username}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject get(@PathParam("username") String username) {
        return view(person(username));
    }

    @PUT
    @Path("{username}/roles/{role}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject grant(@PathParam("username") String username, @PathParam("role") String roleName) {
        Person person = person(username);
        Role role = role(roleName);
        if (role == Role.CLINICIAN && person.credential() == null) {
            throw ProblemException.unprocessable("credential-missing", "A clinician needs a recorded profession and registration.",
                    List.of(new Violation("role", "clinician-credential", "the person has no recorded credential")));
        }
        person.grant(role);
        audit.record(caller.person().username(), "role-grant", username + " +" + role.id());
        return view(person);
    }

    @DELETE
    @Path("{username}/roles/{role}")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject revoke(@PathParam("username") String username, @PathParam("role") String roleName) {
        Person person = person(username);
        Role role = role(roleName);
        if (role == Role.ADMIN) {
            keepAnActiveAdmin(person);
        }
        person.revoke(role);
        audit.record(caller.person().username(), "role-revoke", username + " -" + roleName);
        return view(person);
    }

    /** Only for the admin's own account: admins do not act as someone else. */
    @POST
    @Path("{username}/tokens")
    @RolesAllowed(RoleNames.ADMIN)
    public Response issueFor(@PathParam("username") String username, NewToken request) {
        if (!caller.person().username().equals(username)) {
            throw impersonation();
        }
        return issue(person(username), request);
    }

    /** Disabled people can neither sign in nor use their tokens, from the very next request; nothing is deleted. */
    @POST
    @Path("{username}/disable")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject disable(@PathParam("username") String username) {
        Person person = person(username);
        keepAnActiveAdmin(person);
        person.active(false);
        audit.record(caller.person().username(), "person-disable", username);
        return view(person);
    }

    @POST
    @Path("{username}/enable")
    @RolesAllowed(RoleNames.ADMIN)
    public JsonObject enable(@PathParam("username") String username) {
        Person person = person(username);
        person.active(true);
        audit.record(caller.person().username(), "person-enable", username);
        return view(person);
    }

    /** Sets a new password for someone who lost theirs (audited); they should replace it at once. */
    @PUT
    @Path("{username}/password")
    @RolesAllowed(RoleNames.ADMIN)
    public Response resetPassword(@PathParam("username") String username, PasswordReset request) {
        valid(request);
        Person person = person(username);
        PasswordStrength.check("newPassword", person.username(), request.newPassword());
        person.passwordHash(people.hash(request.newPassword()));
        audit.record(caller.person().username(), "password-reset", username);
        if (Boolean.TRUE.equals(request.revokeTokens())) {
            revokeAll(person);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}/tokens/{id}")
    @RolesAllowed(RoleNames.ADMIN)
    public Response revokeFor(@PathParam("username") String username, @PathParam("id") String id) {
        return revokeToken(person(username), id);
    }

    public Response changePassword(Person person, PasswordChange request) {
        valid(request);
        if (!people.reenter(person, request.currentPassword())) {
            throw ProblemException.unprocessable("wrong-password", "The current password is wrong.",
                    List.of(new Violation("currentPassword", "matches", "is not your current password")));
        }
        PasswordStrength.check("newPassword", person.username(), request.newPassword());
        person.passwordHash(people.hash(request.newPassword()));
        audit.record(person.username(), "password-change", person.username());
        if (Boolean.TRUE.equals(request.revokeTokens())) {
            revokeAll(person);
        }
        return Response.noContent().build();
    }

    private void revokeAll(Person person) {
        int revoked = 0;
        for (ApiToken token : tokens.of(person)) {
            if (token.revokedAt() == null) {
                token.revoke();
                revoked++;
            }
        }
        audit.record(caller.person().username(), "token-revoke-all", person.username() + " " + revoked + " token(s)");
    }

    public Response issue(Person owner, NewToken request) {
        if (!caller.is(owner)) {
            throw impersonation();
        }
        TokenScopes.checkManage(caller.tokenScopes());
        valid(request);
        Set<Scope> scopes = request.scopes().stream().map(s -> Scope.byId(s).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        TokenScopes.checkIssue(caller.tokenScopes(), scopes);
        int days = request.expiresInDays() == null ? 90 : request.expiresInDays();
        ApiTokens.Issued issued = tokens.issue(owner, request.name(), scopes, Instant.now().plus(Duration.ofDays(days)));
        audit.record(caller.person().username(), "token-issue", owner.username() + " token " + issued.token().id() + " " + scopes);
        return Response.status(201).entity(Json.createObjectBuilder(tokenView(issued.token()))
                .add("token", issued.secret())
                .add("notice", "Store this token now: Sacrum keeps only its hash and cannot show it again.").build()).build();
    }

    public Response revokeToken(Person owner, String id) {
        if (caller.is(owner) && !caller.tokenId().filter(id::equals).isPresent()) { // any token may revoke itself: signing out
            TokenScopes.checkManage(caller.tokenScopes());
        }
        ApiToken token = tokens.byId(id).filter(t -> t.personId().equals(owner.id()))
                .orElseThrow(() -> ProblemException.notFound("No such token."));
        token.revoke();
        audit.record(caller.person().username(), "token-revoke", owner.username() + " token " + id);
        return Response.ok(tokenView(token)).build();
    }

    /** Refuses to leave Sacrum without an active admin: FirstAdmin would not create one again, and nobody could manage people. */
    private void keepAnActiveAdmin(Person person) {
        if (person.has(Role.ADMIN) && person.active()
                && people.activeWithRoleLocked(Role.ADMIN).stream().noneMatch(p -> !p.id().equals(person.id()))) {
            throw ProblemException.conflict("last-admin", "This is the last active admin; make someone else admin first.",
                    List.of(new Violation("username", "last-active-admin", "is the last active admin")));
        }
    }

    private static ProblemException impersonation() {
        return new ProblemException(org.sacrum.platform.entity.Problem.of(403, "forbidden", "Forbidden",
                "Tokens are issued only to their owner: admins reset passwords and disable accounts, they do not act as someone else.",
                List.of(new Violation("username", "no-impersonation", "is not you"))));
    }

    private <T> void valid(T request) {
        if (request == null) {
            throw ProblemException.badRequest("body-missing", "A JSON body is required.", List.of(new Violation("", "required", "body is required")));
        }
        List<Violation> violations = Violations.of(validator.validate(request));
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("invalid-request", "The request breaks " + violations.size() + " rule(s).", violations);
        }
    }

    private Person person(String username) {
        return people.byUsername(username).orElseThrow(() -> ProblemException.notFound("No person '" + username + "'."));
    }

    private static Role role(String name) {
        return Role.byId(name).orElseThrow(() -> ProblemException.notFound("No role '" + name + "'."));
    }

    static JsonObject view(Person p) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        p.roles().stream().map(Role::id).sorted().forEach(roles::add);
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("username", p.username())
                .add("displayName", p.displayName())
                .add("roles", roles)
                .add("active", p.active())
                .add("demo", p.demo());
        if (p.credential() != null) {
            b.add("credential", p.credential());
        }
        return b.build();
    }

    static JsonObject tokenView(ApiToken t) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        t.scopes().forEach(s -> scopes.add(s.id()));
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", t.id()).add("name", t.name()).add("scopes", scopes)
                .add("createdAt", t.createdAt().toString()).add("expiresAt", t.expiresAt().toString());
        if (t.revokedAt() != null) {
            b.add("revokedAt", t.revokedAt().toString());
        }
        return b.build();
    }
}
