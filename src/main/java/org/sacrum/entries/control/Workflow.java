package org.sacrum.entries.control;

import jakarta.json.JsonObject;

import org.sacrum.content.entity.ReviewInterval;

import org.sacrum.entries.entity.Action;
import org.sacrum.entries.entity.Actor;
import org.sacrum.entries.entity.Approval;
import org.sacrum.entries.entity.ApprovalRequest;
import org.sacrum.entries.entity.ChangeRequest;
import org.sacrum.entries.entity.AllowedActions;
import org.sacrum.entries.entity.Groups;
import org.sacrum.entries.entity.ReviewComment;
import org.sacrum.entries.entity.State;
import org.sacrum.entries.entity.Transition;
import org.sacrum.entries.entity.Transitions;
import org.sacrum.entries.entity.WorkflowDefinition;
import org.sacrum.entries.entity.WorkflowRules;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
import org.sacrum.identity.control.People;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.control.UniqueKeys;
import org.sacrum.platform.entity.Violations;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.entity.Withdrawal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every change to an entry goes through here, one transaction each, with the entry row locked. Each change
 * is judged by validating a {@link Transition} in the Caller and Default groups plus the group of its workflow stage
 * (workflow.json names it); every change is written to the audit log in the same transaction. The same validation of
 * a prospective transition decides which actions a view offers ({@link #judge}, {@link AllowedActions}).
 */
@Stateless
public class Workflow {
    /** Audit actions that change what the public sees (the change feed reads PublicationHistory, written in the same transactions). */
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
    @Inject
    WorkflowLoader loader;
    @Inject
    SacrumClock clock;

    public Entry create(ContentType type, JsonValue body, String changeNote, Actor author, boolean sample) {
        check(transitions().create(author));
        ContentInput.Accepted accepted = input.draft(type, body);
        Content content = accepted.content();
        EntryRef ref = new EntryRef(type, content.slug(), content.locale());
        if (entries.find(ref).isPresent()) {
            throw slugTaken(ref);
        }
        Entry entry = new Entry(type, content.slug(), content.locale(), sample, workflow().next(Action.CREATE, null));
        em.persist(entry);
        try {
            em.flush(); // a concurrent create of the same slug fails here, on the unique key, rather than as a 500 at commit
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e, "entry_slug_unique")) {
                throw slugTaken(ref);
            }
            throw e;
        }
        Revision first = revisions.append(entry, accepted.canonicalJson(), accepted.contentHash(), author.personId(), changeNote, null);
        audit.record(author.username(), "create", entry, first.number(), null, entry.state().id(), changeNote);
        return entry;
    }

    private static ProblemException slugTaken(EntryRef ref) {
        return ProblemException.conflict("slug-taken", "There is already a " + ref + ".",
                List.of(new Violation("content.slug", "slug-unique", "is already used by another " + ref.type().id())));
    }

    /** Saves new content as a new draft revision; an unchanged body changes nothing. Any edit voids the approval. */
    public Entry edit(EntryRef ref, String ifMatch, JsonValue body, String changeNote, Actor author) {
        Entry entry = lockMatching(ref, ifMatch, true);
        Revision latest = revisions.latest(entry);
        check(transitions().edit(entry.state(), author, facts(latest)));
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
        if (latest.contentHash().equals(accepted.contentHash())) {
            return entry;
        }
        return saveDraft(entry, accepted.canonicalJson(), accepted.contentHash(), changeNote, author, null);
    }

    /** Makes an old revision's content the newest draft revision. */
    public Entry restore(EntryRef ref, String ifMatch, int number, Actor author) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision old = revisions.get(entry, number);
        check(transitions().edit(entry.state(), author, facts(revisions.latest(entry))));
        return saveDraft(entry, old.content(), old.contentHash(), "Restored revision " + number, author, number);
    }

    private Entry saveDraft(Entry entry, String json, String hash, String changeNote, Actor author, Integer restoredFrom) {
        State from = entry.state();
        Revision revision = revisions.append(entry, json, hash, author.personId(), changeNote, restoredFrom);
        entry.state(workflow().next(Action.EDIT, from));
        audit.record(author.username(), restoredFrom == null ? "edit" : "restore", entry, revision.number(), from.id(),
                entry.state().id(), changeNote);
        return entry;
    }

    public Entry submit(EntryRef ref, String ifMatch, Actor author) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        Content content = ContentCodec.read(entry.contentType(), latest.content());
        check(transitions().submit(entry.state(), author, facts(latest), content, brokenLinks(entry, content)));
        return move(entry, Action.SUBMIT, author, latest.number(), null);
    }

    public Entry requestChanges(EntryRef ref, String ifMatch, ChangeRequest request, Actor clinician) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(transitions().requestChanges(entry.state(), clinician, facts(latest), request, unreviewedAuthors(entry)));
        request.comments().forEach(c -> em.persist(new ReviewComment(entry.id(), latest.number(), clinician.personId(), c.field(), c.comment())));
        return move(entry, Action.REQUEST_CHANGES, clinician, latest.number(), request.comments().size() + " comment(s)");
    }

    public Entry approve(EntryRef ref, String ifMatch, ApprovalRequest request, Actor clinician) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        boolean reauthenticated = request != null && people.byId(clinician.personId())
                .map(p -> people.reenter(p, request.password())).orElse(false); // throttled like sign-in
        check(transitions().approve(entry.state(), clinician, facts(latest), request, reauthenticated, unreviewedAuthors(entry)));
        LocalDate due = request.nextReviewDue() != null ? request.nextReviewDue()
                : today().plusMonths(reviewIntervalMonths(entry.contentType(), ContentCodec.toJsonObject(latest.content())));
        Approval approval = new Approval(entry.id(), latest.number(), latest.contentHash(), clinician.personId(),
                request.printedName().trim(), clinician.credential(), request.attestation(), workflow().signatureMeaning(),
                due, clinician.demo());
        em.persist(approval);
        entry.approved(approval.id());
        return move(entry, Action.APPROVE, clinician, latest.number(), "next review due " + due);
    }

    public Entry publish(EntryRef ref, String ifMatch, Actor publisher) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(transitions().publish(entry.state(), publisher, facts(latest), approvalFacts(entry), unpublishedWarnings(entry, latest)));
        entry.publish(latest.number(), entry.approvalId());
        published.fire(new EntryPublished(entry, ContentCodec.read(entry.contentType(), latest.content())));
        return move(entry, Action.PUBLISH, publisher, latest.number(), null);
    }

    public Entry unpublish(EntryRef ref, String ifMatch, Actor publisher) {
        return unpublish(ref, ifMatch, publisher, Withdrawal.RETIRED);
    }

    /** Takes the entry off the public API; the withdrawal's category (and successor) is what a reader's 410 names. */
    public Entry unpublish(EntryRef ref, String ifMatch, Actor publisher, Withdrawal withdrawal) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Integer was = entry.publishedRevision();
        check(transitions().unpublish(entry.state(), publisher, facts(revisions.latest(entry)), was));
        withdraw(entry, publisher, withdrawal);
        return move(entry, Action.UNPUBLISH, publisher, was, null);
    }

    public Entry archive(EntryRef ref, String ifMatch, Actor actor) {
        return archive(ref, ifMatch, actor, Withdrawal.RETIRED);
    }

    public Entry archive(EntryRef ref, String ifMatch, Actor actor, Withdrawal withdrawal) {
        Entry entry = lockMatching(ref, ifMatch, false);
        check(transitions().archive(entry.state(), actor, facts(revisions.latest(entry))));
        withdraw(entry, actor, withdrawal);
        return move(entry, Action.ARCHIVE, actor, entry.latestRevision(), null);
    }

    /** Takes the published revision offline; PublicationHistory records it (with the category) for the change feed. */
    private void withdraw(Entry entry, Actor actor, Withdrawal withdrawal) {
        if (entry.publishedRevision() != null) {
            checkSuccessor(entry, withdrawal);
            audit.record(actor.username(), CHANGE_WITHDRAWN, entry, entry.publishedRevision(), null, null,
                    withdrawal.category().id() + (withdrawal.successor() == null ? "" : ", successor " + withdrawal.successor()));
        }
        entry.withdraw();
        withdrawn.fire(new EntryWithdrawn(entry, withdrawal));
    }

    /** A named successor must be public now (same type and locale): readers are sent there. */
    private void checkSuccessor(Entry entry, Withdrawal withdrawal) {
        if (withdrawal.successor() != null
                && entries.published(entry.contentType(), entry.locale(), List.of(withdrawal.successor())).isEmpty()) {
            throw ProblemException.unprocessable("invalid-request", "The successor is not a published " + entry.contentType().id() + ".",
                    List.of(new Violation("successor", "successor-exists", "must name a published " + entry.contentType().id()
                            + " in locale " + entry.locale())));
        }
    }

    private Entry move(Entry entry, Action action, Actor actor, Integer revision, String detail) {
        State from = entry.state();
        entry.state(workflow().next(action, from));
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

    /** How often the entry is to be re-reviewed: workflow.json's interval, shorter for urgent red flags (the default next review). */
    public int reviewIntervalMonths(ContentType type, JsonObject content) {
        return ReviewInterval.months(type, content.getString("urgency", null), workflow().reviewIntervalMonths());
    }

    /** Whether the caller's roles allow the action at all; judged before the entry is read, so it answers 403 before 404. */
    public void mayAttempt(Action action, Actor actor) {
        check(transitions().attempt(action, actor), Groups.Caller.class);
    }

    /** The actions a view of the entry offers the caller, and those a rule blocks (with why). */
    public AllowedActions.Judgement judge(Entry entry, Actor actor) {
        AllowedActions.EntryFacts facts = new AllowedActions.EntryFacts(entry.state(), facts(revisions.latest(entry)),
                approvalFacts(entry), entry.publishedRevision());
        return AllowedActions.judge(validator, transitions(), facts, actor, () -> unreviewedAuthors(entry));
    }

    private WorkflowDefinition workflow() {
        return loader.definition();
    }

    private Transitions transitions() {
        return new Transitions(workflow(), today());
    }

    private static Transition.RevisionFacts facts(Revision latest) {
        return new Transition.RevisionFacts(latest.number(), latest.contentHash(), latest.authorId());
    }

    private Transition.ApprovalFacts approvalFacts(Entry entry) {
        Approval approval = approvals.current(entry).orElse(null);
        return approval == null ? null : new Transition.ApprovalFacts(approval.revisionNumber(), approval.contentHash(), approval.nextReviewDue());
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

    /** Validates the transition: 403 when the caller's roles do not allow it, else 409 from a wrong state, else 422. */
    private void check(Transition transition) {
        check(transition, transition.groups());
    }

    private void check(Transition transition, Class<?>... groups) {
        Set<ConstraintViolation<Transition>> violations = validator.validate(transition, groups);
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> found = Violations.of(violations);
        String detail = "Cannot " + transition.action().id()
                + (transition.from() == null ? "" : " from state " + transition.from().id()) + ": " + found.size() + " rule(s) broken.";
        if (broken(found, WorkflowRules.ACTOR_HAS_ROLE)) {
            throw new ProblemException(Problem.of(403, "workflow-rule", "Forbidden", detail, found));
        }
        throw broken(found, WorkflowRules.TRANSITION_ALLOWED) ? ProblemException.conflict("workflow-rule", detail, found)
                : ProblemException.unprocessable("workflow-rule", detail, found);
    }

    private static boolean broken(List<Violation> found, WorkflowRules rule) {
        return found.stream().anyMatch(v -> v.rule().equals(rule.code()));
    }

    private LocalDate today() {
        return clock.today();
    }
}
