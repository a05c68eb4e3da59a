package org.sacrum.entries.control;

import org.sacrum.entries.entity.WorkflowDefinition;

import org.sacrum.entries.entity.Action;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.ApprovalRequest;
import org.sacrum.entries.entity.ChangeRequest;
import org.sacrum.entries.entity.ReviewComment;
import org.sacrum.entries.entity.State;
import org.sacrum.entries.entity.Transition;
import org.sacrum.entries.entity.WorkflowRules;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.sacrum.audit.control.AuditLog;
import org.sacrum.content.entity.Content;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.ContentInput;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.content.entity.EntryRef;
import jakarta.enterprise.event.Event;
import org.sacrum.entries.entity.EntryPublished;
import org.sacrum.entries.entity.EntryWithdrawn;
import org.sacrum.identity.entity.Person;
import org.sacrum.identity.control.People;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.control.UniqueKeys;
import org.sacrum.platform.entity.Violations;
import org.sacrum.entries.entity.Revision;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change to an entry goes through here, one transaction each, with the entry row locked. Each change
 * is judged by validating a {@link Transition} in the Default group plus the group of its workflow stage;
 * every change is written to the audit log in the same transaction.
 */
@Stateless
public class Workflow {
    /** Audit actions that change what the public sees: the delivery API's change feed reads these. */
    public static final String CHANGE_PUBLISHED = "publish";
    public static final String CHANGE_WITHDRAWN = "withdraw";
    @PersistenceContext
    EntityManager em;
    @Inject
    ContentInput input;
    @Inject
    EntryQueries entries;
    @Inject
    RevisionStore revisions;
    @Inject
    Approvals approvals;
    @Inject
    AuditLog audit;
    @Inject
    Validator validator;
    @Inject
    People people;
    @Inject
    Event<EntryPublished> published;
    @Inject
    Event<EntryWithdrawn> withdrawn;

    public Entry create(ContentType type, JsonValue body, String changeNote, Person author, boolean sample) {
        ContentInput.Accepted accepted = input.draft(type, body);
        Content content = accepted.content();
        EntryRef ref = new EntryRef(type, content.slug(), content.locale());
        if (entries.find(ref).isPresent()) {
            throw slugTaken(ref);
        }
        Entry entry = new Entry(type, content.slug(), content.locale(), sample);
        check(new Transition(Action.EDIT, State.DRAFT, Actor.of(author), null, null, null, null, null, null, false, null, null, today()));
        em.persist(entry);
        try {
            em.flush(); // a concurrent create of the same slug fails here, on the unique key, rather than as a 500 at commit
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e, "entry_slug_unique")) {
                throw slugTaken(ref);
            }
            throw e;
        }
        Revision first = revisions.append(entry, accepted.canonicalJson(), accepted.contentHash(), author.id(), changeNote, null);
        audit.record(author.username(), "create", entry, first.number(), null, entry.state().id(), changeNote);
        return entry;
    }

    private static ProblemException slugTaken(EntryRef ref) {
        return ProblemException.conflict("slug-taken", "There is already a " + ref + ".",
                List.of(new Violation("content.slug", "slug-unique", "is already used by another " + ref.type().id())));
    }

    /** Saves new content as a new draft revision; an unchanged body changes nothing. Any edit voids the approval. */
    public Entry edit(EntryRef ref, String ifMatch, JsonValue body, String changeNote, Person author) {
        Entry entry = lockMatching(ref, ifMatch, true);
        ContentInput.Accepted accepted = input.draft(ref.type(), body);
        List<Violation> identity = new ArrayList<>();
        if (!accepted.content().slug().equals(entry.slug())) {
            identity.add(new Violation("content.slug", "slug-immutable", "cannot change; create a new entry instead"));
        }
        if (!accepted.content().locale().equals(entry.locale())) {
            identity.add(new Violation("content.locale", "locale-immutable", "cannot change; create the translation as its own entry"));
        }
        if (!identity.isEmpty()) {
            throw ProblemException.unprocessable("identity-immutable", "An entry keeps its slug and locale.", identity);
        }
        Revision latest = revisions.latest(entry);
        check(transition(Action.EDIT, entry, author, latest, null, false, null));
        if (latest.contentHash().equals(accepted.contentHash())) {
            return entry;
        }
        return saveDraft(entry, accepted.canonicalJson(), accepted.contentHash(), changeNote, author, null);
    }

    /** Makes an old revision's content the newest draft revision. */
    public Entry restore(EntryRef ref, String ifMatch, int number, Person author) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision old = revisions.get(entry, number);
        check(transition(Action.EDIT, entry, author, revisions.latest(entry), null, false, null));
        return saveDraft(entry, old.content(), old.contentHash(), "Restored revision " + number, author, number);
    }

    private Entry saveDraft(Entry entry, String json, String hash, String changeNote, Person author, Integer restoredFrom) {
        State from = entry.state();
        Revision revision = revisions.append(entry, json, hash, author.id(), changeNote, restoredFrom);
        entry.state(State.DRAFT);
        audit.record(author.username(), restoredFrom == null ? "edit" : "restore", entry, revision.number(), from.id(),
                entry.state().id(), changeNote);
        return entry;
    }

    public Entry submit(EntryRef ref, String ifMatch, Person author) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(transition(Action.SUBMIT, entry, author, latest, null, false, null));
        return move(entry, Action.SUBMIT, author, latest.number(), null);
    }

    public Entry requestChanges(EntryRef ref, String ifMatch, ChangeRequest request, Person clinician) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(transition(Action.REQUEST_CHANGES, entry, clinician, latest, null, false, request));
        request.comments().forEach(c -> em.persist(new ReviewComment(entry.id(), latest.number(), clinician.id(), c.field(), c.comment())));
        return move(entry, Action.REQUEST_CHANGES, clinician, latest.number(), request.comments().size() + " comment(s)");
    }

    public Entry approve(EntryRef ref, String ifMatch, ApprovalRequest request, Person clinician) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        boolean reauthenticated = request != null && people.reenter(clinician, request.password()); // throttled like sign-in
        check(transition(Action.APPROVE, entry, clinician, latest, request, reauthenticated, null));
        LocalDate due = request.nextReviewDue() != null ? request.nextReviewDue()
                : today().plusMonths(WorkflowDefinition.reviewIntervalMonths());
        Approval approval = new Approval(entry.id(), latest.number(), latest.contentHash(), clinician.id(),
                request.printedName().trim(), clinician.credential(), request.attestation(), WorkflowDefinition.signatureMeaning(),
                due, clinician.demo());
        em.persist(approval);
        entry.approved(approval.id());
        return move(entry, Action.APPROVE, clinician, latest.number(), "next review due " + due);
    }

    public Entry publish(EntryRef ref, String ifMatch, Person publisher) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(transition(Action.PUBLISH, entry, publisher, latest, null, false, null));
        entry.publish(latest.number(), entry.approvalId());
        published.fire(new EntryPublished(entry, ContentCodec.read(entry.contentType(), latest.content())));
        return move(entry, Action.PUBLISH, publisher, latest.number(), null);
    }

    public Entry unpublish(EntryRef ref, String ifMatch, Person publisher) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Integer was = entry.publishedRevision();
        check(transition(Action.UNPUBLISH, entry, publisher, revisions.latest(entry), null, false, null));
        withdraw(entry, publisher);
        return move(entry, Action.UNPUBLISH, publisher, was, null);
    }

    public Entry archive(EntryRef ref, String ifMatch, Person actor) {
        Entry entry = lockMatching(ref, ifMatch, false);
        check(transition(Action.ARCHIVE, entry, actor, revisions.latest(entry), null, false, null));
        withdraw(entry, actor);
        return move(entry, Action.ARCHIVE, actor, entry.latestRevision(), null);
    }

    /** Takes the published revision offline; the "withdraw" audit event feeds the public change feed. */
    private void withdraw(Entry entry, Person actor) {
        if (entry.publishedRevision() != null) {
            audit.record(actor.username(), CHANGE_WITHDRAWN, entry, entry.publishedRevision(), null, null, null);
        }
        entry.withdraw();
        withdrawn.fire(new EntryWithdrawn(entry));
    }

    private Entry move(Entry entry, Action action, Person actor, Integer revision, String detail) {
        State from = entry.state();
        entry.state(WorkflowDefinition.next(action, from));
        audit.record(actor.username(), action.id(), entry, revision, from.id(), entry.state().id(), detail);
        return entry;
    }

    private Entry lockMatching(EntryRef ref, String ifMatch, boolean required) {
        Entry entry = entries.lock(ref);
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(Problem.of(428, "if-match-required", "Precondition required",
                        "Send If-Match with the ETag you last read, so that nobody's change is overwritten.", null));
            }
            return entry;
        }
        if (!ifMatch.trim().equals("*") && !ifMatch.trim().equals(entry.etag())) {
            throw new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                    "The entry changed since you read it (now " + entry.etag() + "); fetch it again and reapply your change.", null));
        }
        return entry;
    }

    private Transition transition(Action action, Entry entry, Person actor, Revision latest, ApprovalRequest approvalRequest,
                                  boolean reauthenticated, ChangeRequest changeRequest) {
        Content content = action == Action.SUBMIT ? ContentCodec.read(entry.contentType(), latest.content()) : null;
        List<String> broken = content == null ? List.of() : brokenLinks(entry, content);
        List<String> unpublishedWarnings = action == Action.PUBLISH ? unpublishedWarnings(entry, latest) : List.of();
        Approval approval = approvals.current(entry).orElse(null);
        return new Transition(action, entry.state(), Actor.of(actor),
                new Transition.RevisionFacts(latest.number(), latest.contentHash(), latest.authorId()), content, broken,
                unpublishedWarnings,
                approval == null ? null : new Transition.ApprovalFacts(approval.revisionNumber(), approval.contentHash(), approval.nextReviewDue()),
                approvalRequest, reauthenticated, changeRequest, entry.publishedRevision(), today(),
                action == Action.APPROVE || action == Action.REQUEST_CHANGES ? unreviewedAuthors(entry) : List.of());
    }

    /**
     * Who wrote each revision since the entry's last approval (every revision when never approved). A restore counts
     * its restorer and whoever wrote the restored content (followed back through earlier restores).
     */
    private List<Transition.Authorship> unreviewedAuthors(Entry entry) {
        Integer lastApproved = approvals.lastApprovedRevision(entry);
        Map<Integer, Revision> all = new HashMap<>();
        revisions.of(entry).forEach(r -> all.put(r.number(), r));
        List<Transition.Authorship> authors = new ArrayList<>();
        for (Revision r : all.values()) {
            if (lastApproved != null && r.number() <= lastApproved) {
                continue;
            }
            authors.add(new Transition.Authorship(r.number(), r.authorId()));
            for (Revision from = all.get(r.restoredFrom()); from != null; from = all.get(from.restoredFrom())) {
                authors.add(new Transition.Authorship(r.number(), from.authorId()));
            }
        }
        return authors;
    }

    private List<String> brokenLinks(Entry entry, Content content) {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<ContentType, List<String>> link : content.links().entrySet()) {
            Set<String> found = Set.copyOf(entries.existing(link.getKey(), entry.locale(), link.getValue()));
            link.getValue().stream().filter(s -> !found.contains(s)).forEach(s -> broken.add(link.getKey().id() + ":" + s));
        }
        return broken;
    }

    private List<String> unpublishedWarnings(Entry entry, Revision latest) {
        List<String> warnings = ContentCodec.read(entry.contentType(), latest.content()).links()
                .getOrDefault(ContentType.WARNING, List.of());
        Set<String> published = Set.copyOf(entries.published(ContentType.WARNING, entry.locale(), warnings));
        return warnings.stream().filter(w -> !published.contains(w)).toList();
    }

    private void check(Transition transition) {
        Class<?> stage = WorkflowDefinition.rule(transition.action()).group();
        Set<ConstraintViolation<Transition>> violations = validator.validate(transition, Default.class, stage);
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> found = Violations.of(violations);
        boolean wrongState = found.stream().anyMatch(v -> v.rule().equals(WorkflowRules.TRANSITION_ALLOWED.code()));
        String detail = "Cannot " + transition.action().id() + " from state " + transition.from().id() + ": "
                + found.size() + " rule(s) broken.";
        throw wrongState ? ProblemException.conflict("workflow-rule", detail, found)
                : ProblemException.unprocessable("workflow-rule", detail, found);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
