package org.sacrum.entries.control;

import jakarta.json.JsonObject;

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
import org.sacrum.entries.entity.CurrencyPolicy;
import org.sacrum.entries.entity.ReviewCurrency;
import org.sacrum.platform.entity.JobTick;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.sacrum.entries.entity.Schedule;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.JobTick;
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
import org.sacrum.entries.entity.EntryScheduleFailed;
import org.sacrum.identity.control.People;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.control.UniqueKeys;
import org.sacrum.platform.entity.Violations;
import org.sacrum.entries.entity.Revision;
import org.sacrum.entries.entity.RevisionSummary;
import org.sacrum.entries.entity.LinkedRevision;
import org.sacrum.entries.entity.LinkDrift;
import org.sacrum.entries.entity.Withdrawal;
import org.sacrum.entries.entity.WithdrawalCategory;

import java.time.Instant;
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
    /** Audit actions of the schedule: a publisher set or cleared it; the job found its action refused by the rules. */
    public static final String SCHEDULE = "schedule";
    public static final String SCHEDULE_FAILED = "schedule-failed";
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
    Event<EntryScheduleFailed> scheduleRefused;
    @Inject
    WorkflowLoader loader;
    @Inject
    SacrumClock clock;
    @Inject
    LinkedRevisions linked;
    @Inject
    RedFlagCascade cascade;

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
        // the approval covers what the reader sees: the linked entries as they are now
        linked.persist(approval, linked.now(entry.locale(), ContentCodec.read(entry.contentType(), latest.content())));
        entry.approved(approval.id());
        return move(entry, Action.APPROVE, clinician, latest.number(), "next review due " + due);
    }

    public Entry publish(EntryRef ref, String ifMatch, Actor publisher) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Revision latest = revisions.latest(entry);
        check(publication(entry, latest, publisher));
        entry.schedule(null, entry.unpublishAt()); // published by hand: nothing left for the schedule to publish
        return publishLatest(entry, latest, publisher, null);
    }

    /** Makes the latest revision public once the rules held, whoever publishes: a person or the schedule. */
    private Entry publishLatest(Entry entry, Revision latest, Actor publisher, String detail) {
        Integer was = entry.publishedRevision();
        boolean reReviewed = entry.reReviewPending();
        entry.publish(latest.number(), entry.approvalId());
        entry.reReviewDone(); // linked-revisions-current held: the approval covers the linked entries as they are now
        if (entry.contentType() == ContentType.WARNING && was != null && was != latest.number()) {
            cascade.republished(entry, new LinkedRevision(ContentType.WARNING, entry.slug(), true, latest.number(), latest.contentHash()),
                    publisher.username());
        }
        published.fire(new EntryPublished(entry, ContentCodec.read(entry.contentType(), latest.content())));
        String note = reReviewed ? (detail == null ? "re-review done" : detail + "; re-review done") : detail;
        return move(entry, Action.PUBLISH, publisher, latest.number(), note);
    }

    public Entry unpublish(EntryRef ref, String ifMatch, Actor publisher) {
        return unpublish(ref, ifMatch, publisher, Withdrawal.RETIRED);
    }

    /** Takes the entry off the public API; the withdrawal's category (and successor) is what a reader's 410 names. */
    public Entry unpublish(EntryRef ref, String ifMatch, Actor publisher, Withdrawal withdrawal) {
        Entry entry = lockMatching(ref, ifMatch, false);
        Integer was = entry.publishedRevision();
        check(transitions().unpublish(entry.state(), publisher, facts(revisions.latest(entry)), was));
        stillLinked(entry, withdrawal, publisher);
        withdraw(entry, publisher, withdrawal);
        return move(entry, Action.UNPUBLISH, publisher, was, null);
    }

    public Entry archive(EntryRef ref, String ifMatch, Actor actor) {
        return archive(ref, ifMatch, actor, Withdrawal.RETIRED);
    }

    public Entry archive(EntryRef ref, String ifMatch, Actor actor, Withdrawal withdrawal) {
        Entry entry = lockMatching(ref, ifMatch, false);
        check(transitions().archive(entry.state(), actor, facts(revisions.latest(entry))));
        stillLinked(entry, withdrawal, actor);
        withdraw(entry, actor, withdrawal);
        return move(entry, Action.ARCHIVE, actor, entry.latestRevision(), null);
    }

    /**
     * Withdrawing a published warning that published entries link to removes safety information from them: refused
     * (409 warning-still-linked, naming each) unless forced with a reason, which puts each of them into re-review.
     */
    private void stillLinked(Entry entry, Withdrawal how, Actor actor) {
        if (entry.contentType() != ContentType.WARNING || entry.publishedRevision() == null) {
            return;
        }
        List<Entry> linking = linked.publishedLinkingTo(entry);
        if (linking.isEmpty()) {
            return;
        }
        if (!how.forced()) {
            throw ProblemException.conflict("warning-still-linked", linking.size() + " published entr" + (linking.size() == 1 ? "y links" : "ies link")
                    + " to this warning; withdraw it only with {\"force\": true, \"reason\": \"...\"}, which puts them into re-review.",
                    linking.stream().map(e -> new Violation("linkedBy." + e.contentType().plural() + "[" + e.slug() + "]",
                            "warning-still-linked", "the published " + e.contentType().id() + " " + e.slug() + " links to this warning")).toList());
        }
        cascade.withdrawn(entry, how.reason(), actor.username()); // Withdrawal.of required the reason with force
    }

    /** Takes the published revision offline; PublicationHistory records it (with the category) for the change feed. */
    private void withdraw(Entry entry, Actor actor, Withdrawal withdrawal) {
        if (entry.publishedRevision() != null) {
            checkSuccessor(entry, withdrawal);
            audit.record(actor.username(), CHANGE_WITHDRAWN, entry, entry.publishedRevision(), null, null,
                    withdrawal.category().id() + (withdrawal.successor() == null ? "" : ", successor " + withdrawal.successor()));
        }
        entry.withdraw();
        entry.schedule(null, null); // withdrawn by hand (or archived): a pending schedule would only fail
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

    /** The publication of the latest revision, judged by the same rules for a publisher and for the schedule. */
    private Transition publication(Entry entry, Revision latest, Actor publisher) {
        return transitions().publish(entry.state(), publisher, facts(latest), approvalFacts(entry), unpublishedWarnings(entry, latest));
    }

    /** Sets or clears the entry's schedule (publishers); a new schedule also clears the flag of an earlier failed one. */
    public Entry schedule(EntryRef ref, String ifMatch, Schedule schedule, Actor publisher) {
        Entry entry = lockMatching(ref, ifMatch, true);
        if (entry.state() == State.ARCHIVED) {
            throw ProblemException.conflict("workflow-rule", "An archived entry cannot be scheduled.",
                    List.of(new Violation("", WorkflowRules.TRANSITION_ALLOWED.code(), "the entry is archived")));
        }
        List<Violation> broken = schedule.violations(clock.now(), entry.publishedRevision() != null);
        if (!broken.isEmpty()) {
            throw ProblemException.unprocessable("schedule-rule", "The schedule breaks " + broken.size() + " rule(s).", broken);
        }
        entry.schedule(schedule.publishAt(), schedule.unpublishAt(), publisher.username());
        audit.record(publisher.username(), SCHEDULE, entry, entry.latestRevision(), null, null, schedule.describe());
        return entry;
    }

    /**
     * The schedule job's publication of an entry whose publishAt has come, in a transaction of its own with the row
     * locked: null when it is no longer due (another instance did it, or the schedule changed), else what was done.
     * The rules are a publisher's; when they refuse, nothing is published and the entry is flagged and audited.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String publishScheduled(EntryRef ref, Instant now) {
        Entry entry = locked(ref);
        if (entry.publishAt() == null || entry.publishAt().isAfter(now)) {
            return null;
        }
        String by = entry.scheduledBy();
        entry.schedule(null, entry.unpublishAt());
        Actor system = scheduleActor();
        Revision latest = revisions.latest(entry);
        List<Violation> broken = violations(publication(entry, latest, system));
        if (!broken.isEmpty()) {
            return scheduleFailed(entry, Action.PUBLISH, broken, now, by);
        }
        publishLatest(entry, latest, system, "scheduled by " + by);
        return "schedule: published " + ref + " revision " + latest.number() + " (scheduled by " + by + ")";
    }

    /** Like {@link #publishScheduled}, for an unpublishAt that has come: withdraws the published revision ("retired"). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String withdrawScheduled(EntryRef ref, Instant now) {
        Entry entry = locked(ref);
        if (entry.unpublishAt() == null || entry.unpublishAt().isAfter(now)) {
            return null;
        }
        String by = entry.scheduledBy();
        entry.schedule(entry.publishAt(), null);
        Actor system = scheduleActor();
        Integer was = entry.publishedRevision();
        List<Violation> broken = new ArrayList<>(violations(transitions().unpublish(entry.state(), system, facts(revisions.latest(entry)), was)));
        if (entry.contentType() == ContentType.WARNING && was != null && !linked.publishedLinkingTo(entry).isEmpty()) {
            // a schedule never forces: removing a red flag that published entries show needs a publisher's reason
            broken.add(new Violation("", "warning-still-linked", "published entries link to this warning"));
        }
        if (!broken.isEmpty()) {
            return scheduleFailed(entry, Action.UNPUBLISH, broken, now, by);
        }
        Withdrawal scheduled = Withdrawal.automatic(WithdrawalCategory.RETIRED, "scheduled withdrawal");
        withdraw(entry, system, scheduled);
        String category = scheduled.category().id();
        move(entry, Action.UNPUBLISH, system, was, category + ": scheduled withdrawal, scheduled by " + by);
        return "schedule: withdrew " + ref + " revision " + was + " (" + category + ", scheduled by " + by + ")";
    }

    private String scheduleFailed(Entry entry, Action action, List<Violation> broken, Instant now, String by) {
        List<String> rules = broken.stream().map(Violation::rule).distinct().toList();
        entry.scheduleFailed(now, action.id(), rules);
        scheduleRefused.fire(new EntryScheduleFailed(entry, action.id(), rules));
        audit.record(JobTick.SYSTEM, SCHEDULE_FAILED, entry, entry.latestRevision(), entry.state().id(), entry.state().id(),
                "scheduled " + action.id() + " refused by " + String.join(", ", rules) + "; scheduled by " + by);
        return "schedule: " + action.id() + " of " + new EntryRef(entry.contentType(), entry.slug(), entry.locale())
                + " refused (" + String.join(", ", rules) + ")";
    }

    /**
     * Who acts for the schedule: audited as "system", with the publisher role so that the actor-has-role rule judges
     * it as it judges a publisher (every other rule of the action applies unchanged).
     */
    private static Actor scheduleActor() {
        return new Actor(null, JobTick.SYSTEM, "Scheduled publication", Set.of(Role.PUBLISHER), null, false);
    }

    private List<Violation> violations(Transition transition) {
        return Violations.of(validator.validate(transition, transition.groups()));
    }

    private Entry move(Entry entry, Action action, Actor actor, Integer revision, String detail) {
        State from = entry.state();
        entry.state(workflow().next(action, from));
        audit.record(actor.username(), action.id(), entry, revision, from.id(), entry.state().id(), detail);
        return entry;
    }

    /** The entry, locked for this transaction after the audit chain's head (one lock order for every change). */
    private Entry locked(EntryRef ref) {
        audit.serialize();
        return entries.lock(ref);
    }

    private Entry lockMatching(EntryRef ref, String ifMatch, boolean required) {
        Entry entry = locked(ref);
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

    /** How often the entry is to be re-reviewed: workflow.json's interval for its type (warnings: by urgency); the default next review. */
    public int reviewIntervalMonths(ContentType type, JsonObject content) {
        return workflow().reviewIntervalMonthsOf(type, content);
    }

    private Optional<ReviewCurrency> currency(Entry entry, LocalDate day) {
        if (entry.publishedRevision() == null) {
            return Optional.empty();
        }
        return approvals.published(entry).map(a -> currency(entry, a, day, workflow()));
    }

    private static ReviewCurrency currency(Entry entry, Approval published, LocalDate day, WorkflowDefinition workflow) {
        CurrencyPolicy policy = workflow.currency(entry.contentType());
        Integer grace = entry.contentType() == ContentType.WARNING ? null : policy.withdrawalGraceDays(); // never a red flag
        return ReviewCurrency.of(entry.reReviewPending(), published.nextReviewDue(), day, workflow.dueSoonDays(), grace);
    }

    /** A page of a type's published entries with this review currency today (the console's review queue groups). */
    public List<Entry> withCurrency(ContentType type, State state, org.sacrum.entries.entity.Currency currency, int offset, int limit) {
        return entries.ofCurrency(type, state, currency, today(), workflow().dueSoonDays(), offset, limit);
    }

    /** How many published entries of every type have this review currency today. */
    public long countWithCurrency(org.sacrum.entries.entity.Currency currency) {
        return entries.countOfCurrency(null, currency, today(), workflow().dueSoonDays());
    }

    /**
     * The currency job's withdrawal of an entry past its grace under withdraw-after-grace: in a transaction of its own,
     * with the row locked and the rule checked again inside (another instance may have done it, or a clinician
     * re-approved and republished it meanwhile). Audited as actor {@link JobTick#SYSTEM}; what it did, or null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String withdrawOverdue(EntryRef ref, JobTick tick) {
        Entry entry = locked(ref);
        LocalDate day = LocalDate.ofInstant(tick.now(), ZoneOffset.UTC);
        ReviewCurrency currency = currency(entry, day).orElse(null);
        if (currency == null || !currency.withdrawDue(day) || !workflow().step(Action.UNPUBLISH).from().contains(entry.state())) {
            return null;
        }
        Integer was = entry.publishedRevision();
        Actor system = new Actor(null, JobTick.SYSTEM, "Sacrum", Set.of(), null, false);
        String reason = "review overdue: next review was due " + currency.nextReviewDue() + ", withdrawn after "
                + workflow().currency(entry.contentType()).graceDays() + " days' grace";
        withdraw(entry, system, Withdrawal.automatic(WithdrawalCategory.CLINICAL_SAFETY, reason));
        move(entry, Action.UNPUBLISH, system, was, reason);
        return "withdrew " + ref + " revision " + was + " (" + reason + ")";
    }

    /** Whether the caller's roles allow the action at all; judged before the entry is read, so it answers 403 before 404. */
    public void mayAttempt(Action action, Actor actor) {
        check(transitions().attempt(action, actor), Groups.Caller.class);
    }

    /** The actions a view of the entry offers the caller, and those a rule blocks (with why). */
    public AllowedActions.Judgement judge(Entry entry, Actor actor) {
        return judge(List.of(entry), actor, approvals.load(List.of(entry)), Map.of()).get(entry.id());
    }

    /**
     * As {@link #judge(Entry, Actor)} for a list's page, with what the rules need read for the whole page at once:
     * the latest revisions' facts, and for entries the state lets be published, their linked entries now.
     * {@code approvals}: the page's approvals by id ({@link Approvals#load}); {@code manifests}: their link manifests
     * by approval id ({@link LinkedRevisions#recorded(java.util.Collection)}). By entry id.
     */
    public Map<String, AllowedActions.Judgement> judge(List<Entry> page, Actor actor, Map<String, Approval> approvals,
                                                       Map<String, List<LinkedRevision>> manifests) {
        Map<String, Transition.RevisionFacts> latest = revisions.latestFacts(page);
        Map<Entry, List<LinkedRevision>> publishable = new HashMap<>();
        for (Entry entry : page) {
            Approval approval = entry.approvalId() == null ? null : approvals.get(entry.approvalId());
            // the linked entries are read only where publishing is a step the state allows (else taken as unchanged)
            if (approval != null && workflow().step(Action.PUBLISH).from().contains(entry.state())) {
                publishable.put(entry, manifests.containsKey(approval.id()) ? manifests.get(approval.id()) : linked.recorded(approval));
            }
        }
        Map<String, List<LinkDrift>> drift = publishable.isEmpty() ? Map.of() : linked.drift(publishable);
        AllowedActions.Judge judge = new AllowedActions.Judge(validator, transitions(), actor);
        Map<String, AllowedActions.Judgement> judged = new HashMap<>();
        for (Entry entry : page) {
            Approval approval = entry.approvalId() == null ? null : approvals.get(entry.approvalId());
            Transition.ApprovalFacts approvalFacts = approval == null ? null : new Transition.ApprovalFacts(approval.revisionNumber(),
                    approval.contentHash(), approval.nextReviewDue(), drift.containsKey(entry.id()) ? drift.get(entry.id()) : List.of());
            Transition.RevisionFacts facts = latest.containsKey(entry.id()) ? latest.get(entry.id()) : facts(revisions.latest(entry));
            judged.put(entry.id(), judge.judge(new AllowedActions.EntryFacts(entry.state(), facts, approvalFacts, entry.publishedRevision()),
                    () -> unreviewedAuthors(entry)));
        }
        return judged;
    }

    /** The published entries' review currency today for a list's page, given its approvals by id ({@link Approvals#load}); entries with none are left out. */
    public Map<String, ReviewCurrency> currencies(List<Entry> page, Map<String, Approval> approvals) {
        LocalDate today = today();
        // read once for the page: each read is a call into the WorkflowLoader EJB, and the container's proxy makes
        // every such call build (and drop) an exception with the whole stack (profiled: two per entry shown)
        WorkflowDefinition workflow = workflow();
        Map<String, ReviewCurrency> currencies = new HashMap<>();
        for (Entry entry : page) {
            Approval published = entry.publishedApprovalId() == null ? null : approvals.get(entry.publishedApprovalId());
            if (entry.publishedRevision() != null && published != null) {
                currencies.put(entry.id(), currency(entry, published, today, workflow));
            }
        }
        return currencies;
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
        return approval == null ? null : new Transition.ApprovalFacts(approval.revisionNumber(), approval.contentHash(), approval.nextReviewDue(),
                linked.drift(entry, approval));
    }

    /**
     * Who wrote each revision since the entry's last approval (every revision when never approved). A restore counts
     * its restorer and whoever wrote the restored content (followed back through earlier restores).
     */
    private List<Transition.Authorship> unreviewedAuthors(Entry entry) {
        Integer lastApproved = approvals.lastApprovedRevision(entry);
        Map<Integer, RevisionSummary> all = new HashMap<>();
        revisions.authorship(entry).forEach(r -> all.put(r.number(), r)); // numbers and authors only: a long history's content stays unread
        List<Transition.Authorship> authors = new ArrayList<>();
        for (RevisionSummary r : all.values()) {
            if (lastApproved != null && r.number() <= lastApproved) {
                continue;
            }
            authors.add(new Transition.Authorship(r.number(), r.authorId()));
            for (RevisionSummary from = all.get(r.restoredFrom()); from != null; from = all.get(from.restoredFrom())) {
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
