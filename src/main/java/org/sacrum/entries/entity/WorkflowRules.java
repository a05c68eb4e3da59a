package org.sacrum.entries.entity;


import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.RuleCode;
import org.sacrum.platform.entity.Violation;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The workflow's rules, each with a stable code. Where a rule applies (which stage's validation group) is
 * declared on {@link Transition}; what it checks is here. Which states and roles an action allows is not here but in
 * workflow.json, which the transition carries ({@link Transition#step()}).
 */
public enum WorkflowRules implements RuleCode {
    TRANSITION_ALLOWED("transition-allowed", "", "this action is not allowed from the entry's current state", true,
            t -> t.from() == null ? t.step().from().isEmpty() : t.step().from().contains(t.from())),
    ACTOR_HAS_ROLE("actor-has-role", "", "your roles do not allow this action", true,
            t -> !Collections.disjoint(t.actor().roles(), t.step().roles())),
    LINKS_RESOLVE("links-resolve", "content", "links to entries that do not exist (or are archived)", false,
            t -> t.brokenLinks() == null || t.brokenLinks().isEmpty()),
    REVIEWER_IS_CLINICIAN("reviewer-is-clinician", "", "only a clinician with a recorded profession and registration may review", true,
            t -> t.actor().has(Role.CLINICIAN) && t.actor().credential() != null),
    REVIEWER_NOT_AUTHOR("reviewer-not-author", "",
            "nobody who wrote a revision since the last approval (or since creation) may review the entry", true,
            t -> ownRevisions(t).isEmpty()),
    APPROVAL_NAMES_REVISION("approval-names-revision", "approvalRequest",
            "the approval must name the entry's latest revision and its content hash; the entry has changed since", false,
            t -> t.approvalRequest() == null || t.approvalRequest().revision() == null
                    || (t.approvalRequest().revision() == t.latest().number()
                    && t.latest().contentHash().equals(t.approvalRequest().contentHash()))),
    CHANGES_NAME_REVISION("changes-name-revision", "changeRequest",
            "the change request must name the entry's latest revision; the entry has changed since", false,
            t -> t.changeRequest() == null || t.changeRequest().revision() == null
                    || t.changeRequest().revision() == t.latest().number()),
    PRINTED_NAME_MATCHES("printed-name-matches", "approvalRequest.printedName", "the printed name must be your name as registered", false,
            t -> t.approvalRequest() == null || t.approvalRequest().printedName() == null
                    || t.approvalRequest().printedName().trim().equalsIgnoreCase(t.actor().displayName().trim())),
    SIGNER_REAUTHENTICATED("signer-reauthenticated", "approvalRequest.password", "re-enter your own password to sign the approval", false,
            Transition::signerReauthenticated),
    REVIEW_DUE_VALID("review-due-valid", "approvalRequest.nextReviewDue", "the next review must be due after today and within 24 months",
            false,
            t -> t.approvalRequest() == null || t.approvalRequest().nextReviewDue() == null
                    || (t.approvalRequest().nextReviewDue().isAfter(t.today())
                    && !t.approvalRequest().nextReviewDue().isAfter(t.today().plusMonths(24)))),
    APPROVAL_CURRENT("approval-current", "", "publication needs a clinician's approval of the latest revision; any edit voids an approval",
            true,
            t -> t.approval() != null && t.approval().revisionNumber() == t.latest().number()
                    && t.approval().contentHash().equals(t.latest().contentHash())),
    APPROVAL_NOT_EXPIRED("approval-not-expired", "", "the approval is past its review date; the entry needs a new clinical review", true,
            t -> t.approval() == null || t.approval().nextReviewDue().isAfter(t.today())),
    LINKED_WARNINGS_PUBLISHED("linked-warnings-published", "content.warnings", "every warning this entry links to must be published first",
            false,
            t -> t.unpublishedWarnings() == null || t.unpublishedWarnings().isEmpty()),
    LINKED_REVISIONS_CURRENT("linked-revisions-current", "links",
            "an entry this one links to was republished or withdrawn since the approval; a clinician must approve again", true,
            t -> t.approval() == null || (t.approval().linkDrift() != null && t.approval().linkDrift().isEmpty())),
    HAS_PUBLISHED_REVISION("has-published-revision", "", "nothing of this entry is published", true,
            t -> t.action() != Action.UNPUBLISH || t.publishedRevision() != null);

    private final String code;
    private final String field;
    private final String message;
    private final boolean judgedAhead;
    private final Predicate<Transition> check;

    WorkflowRules(String code, String field, String message, boolean judgedAhead, Predicate<Transition> check) {
        this.code = code;
        this.field = field;
        this.message = message;
        this.judgedAhead = judgedAhead;
        this.check = check;
    }

    /**
     * Whether the rule is judged for the actions a view offers (allowedActions): it needs only the entry, its approval,
     * its authorship and the caller. The others need a request body or judge the content; they are reported when the
     * action is taken, so that the caller learns what to fix.
     */
    public boolean judgedAhead() {
        return judgedAhead;
    }

    public static Optional<WorkflowRules> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    @Override
    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String message() {
        return message;
    }

    /** The message, naming the offending links (slugs only: safe to interpolate) or the reviewer's own revisions. */
    String messageFor(Transition t) {
        if (this == REVIEWER_NOT_AUTHOR) { // numbers only: safe to interpolate
            return message + "; you wrote revision(s) " + ownRevisions(t).stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        List<String> named = switch (this) {
            case LINKS_RESOLVE -> t.brokenLinks();
            case LINKED_WARNINGS_PUBLISHED -> t.unpublishedWarnings();
            default -> List.of();
        };
        List<String> safe = named == null ? List.of() : named.stream().filter(s -> s.matches("[a-z0-9:-]+")).toList();
        return safe.isEmpty() ? message : message + ": " + String.join(", ", safe);
    }

    /** The violations of {@link #LINKED_REVISIONS_CURRENT}: one per changed link (field and message), or one for a missing manifest. */
    List<Violation> linkViolations(Transition t) {
        if (t.approval() == null) {
            return List.of();
        }
        if (t.approval().linkDrift() == null) {
            return List.of(new Violation("approval", code, "the approval was signed before approvals recorded the revisions of linked"
                    + " entries; a clinician must approve again"));
        }
        return t.approval().linkDrift().stream().map(d -> new Violation(d.field(), code, d.message())).toList();
    }

    /** The revisions under review that the actor wrote (or wrote the restored content of), in order. */
    static List<Integer> ownRevisions(Transition t) {
        TreeSet<Integer> own = new TreeSet<>();
        if (t.latest() != null && t.latest().authorId().equals(t.actor().personId())) {
            own.add(t.latest().number());
        }
        if (t.unreviewedAuthors() != null) {
            t.unreviewedAuthors().stream().filter(a -> a.personId().equals(t.actor().personId()))
                    .forEach(a -> own.add(a.revision()));
        }
        return List.copyOf(own);
    }

    boolean holds(Transition transition) {
        return check.test(transition);
    }

}
