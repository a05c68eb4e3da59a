package org.sacrum.seed.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.Entry;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.control.People;
import org.sacrum.identity.entity.Role;
import org.sacrum.entries.control.RevisionStore;
import org.sacrum.entries.entity.ApprovalRequest;
import org.sacrum.entries.entity.ChangeRequest;
import org.sacrum.entries.control.Workflow;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * The seed's steps through the real workflow, each in its own transaction, done by demo accounts that are
 * marked as such. The demo clinician is no clinician: its approvals are flagged demo, and every seeded entry
 * is delivered with "sample": true.
 */
@Stateless
public class SeedSteps {
    static final String ATTESTATION = "SAMPLE CONTENT: approved by a demonstration account, not by a clinician. "
            + "This entry has not been clinically reviewed.";

    @Inject
    People people;
    @Inject
    Workflow workflow;
    @Inject
    RevisionStore revisions;

    /** The demo accounts, created on first use. Their passwords are random and never shown: nobody signs in as them. */
    public DemoCrew demoCrew() {
        Person author = demo("demo-author", "Sample Author (demo account)", Role.AUTHOR);
        Person clinician = demo("demo-clinician", "Demo Clinician (demo account, not a clinician)", Role.CLINICIAN);
        Person publisher = demo("demo-publisher", "Sample Publisher (demo account)", Role.PUBLISHER);
        String signingPassword = random(); // lives only in memory, for this boot's seed approvals
        clinician.passwordHash(people.hashRandomSecret(signingPassword)); // random: see People.hashRandomSecret
        return new DemoCrew(author.username(), clinician.username(), publisher.username(), signingPassword);
    }

    private Person demo(String username, String displayName, Role role) {
        return people.byUsername(username).orElseGet(() -> {
            Person person = new Person(username, displayName, EnumSet.of(role), true);
            if (role == Role.CLINICIAN) {
                person.credential("Demonstration account", "no register", "DEMO-0000");
            }
            person.passwordHash(people.hashRandomSecret(random()));
            return people.create(person, null);
        });
    }

    public void create(ContentType type, JsonObject content, DemoCrew crew) {
        workflow.create(type, content, "Imported from the sample content", Actor.of(person(crew.author())), true);
    }

    /** Submit, approve (by the demo clinician, re-authenticating like anyone) and publish. */
    public void review(EntryRef ref, DemoCrew crew) {
        Person clinician = person(crew.clinician());
        Entry submitted = workflow.submit(ref, null, Actor.of(person(crew.author())));
        String hash = revisions.latest(submitted).contentHash();
        workflow.approve(ref, null, new ApprovalRequest(submitted.latestRevision(), hash, ATTESTATION,
                clinician.displayName(), crew.signingPassword(), null), Actor.of(clinician));
        workflow.publish(ref, null, Actor.of(person(crew.publisher())));
    }

    /** Submit, then the demo clinician sends it back with these comments: the sample shows review catching something. */
    public void requestChanges(EntryRef ref, DemoCrew crew, List<Comment> comments) {
        Entry submitted = workflow.submit(ref, null, Actor.of(person(crew.author())));
        workflow.requestChanges(ref, null, new ChangeRequest(submitted.latestRevision(),
                comments.stream().map(c -> new ChangeRequest.FieldComment(c.field(), c.comment())).toList()), Actor.of(person(crew.clinician())));
    }

    /** A demo clinician's comment on a field ("" for the entry as a whole). */
    public record Comment(String field, String comment) {
    }

    private Person person(String username) {
        return people.byUsername(username).orElseThrow();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record DemoCrew(String author, String clinician, String publisher, String signingPassword) {
        @Override
        public String toString() {
            return "DemoCrew[" + author + ", " + clinician + ", " + publisher + "]";
        }
    }
}
