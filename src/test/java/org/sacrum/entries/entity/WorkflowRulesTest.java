package org.sacrum.entries.entity;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.Violations;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sacrum.entries.entity.Workflows.TODAY;
import static org.sacrum.entries.entity.Workflows.TRANSITIONS;
import static org.sacrum.entries.entity.Workflows.VALIDATOR;
import static org.sacrum.entries.entity.Workflows.rules;

/**
 * Every workflow rule, as Bean Validation judges it against the shipped workflow.json: for each, a transition that
 * breaks no rule at all and one that breaks exactly that rule.
 */
class WorkflowRulesTest {
    static final Actor AUTHOR = new Actor("author-id", "ada", "Ada", Set.of(Role.AUTHOR), null, false);
    static final Actor CLINICIAN = new Actor("c", "cas", "Dr Cas", Set.of(Role.CLINICIAN), "Physiotherapist, HCPC 2", false);
    static final Actor PUBLISHER = new Actor("p", "pat", "Pat", Set.of(Role.PUBLISHER), null, false);
    static final Transition.RevisionFacts LATEST = new Transition.RevisionFacts(3, "hash-3", "author-id");
    static final Transition.ApprovalFacts CURRENT = new Transition.ApprovalFacts(3, "hash-3", TODAY.plusMonths(12));
    static final String ATTESTATION = "I reviewed this revision for accuracy.";
    static final LinkDrift REPUBLISHED = new LinkDrift(org.sacrum.content.entity.ContentType.WARNING, "calf-pain", true, 2, 3);
    static final LinkDrift WITHDRAWN = new LinkDrift(org.sacrum.content.entity.ContentType.WARNING, "chest-pain", true, 1, null);

    record Case(Transition passes, Transition fails) {
    }

    static ApprovalRequest approval(int revision, String printedName, java.time.LocalDate due) {
        return new ApprovalRequest(revision, "hash-" + revision, ATTESTATION, printedName, "pw", due);
    }

    static Transition approve(Actor actor, ApprovalRequest request, boolean reauthenticated) {
        return TRANSITIONS.approve(State.IN_REVIEW, actor, LATEST, request, reauthenticated, List.of());
    }

    static Transition requestChanges(Actor actor, int revision) {
        ChangeRequest request = new ChangeRequest(revision, List.of(new ChangeRequest.FieldComment("title", "Please make the title plainer.")));
        return TRANSITIONS.requestChanges(State.IN_REVIEW, actor, LATEST, request, List.of());
    }

    static Transition publish(Transition.ApprovalFacts approval, List<String> unpublishedWarnings) {
        return TRANSITIONS.publish(State.CLINICALLY_REVIEWED, PUBLISHER, LATEST, approval, unpublishedWarnings);
    }

    static final Map<WorkflowRules, Case> CASES = new EnumMap<>(Map.ofEntries(
            Map.entry(WorkflowRules.TRANSITION_ALLOWED, new Case(
                    TRANSITIONS.submit(State.CHANGES_REQUESTED, AUTHOR, LATEST, null, List.of()),
                    TRANSITIONS.submit(State.CLINICALLY_REVIEWED, AUTHOR, LATEST, null, List.of()))),
            Map.entry(WorkflowRules.ACTOR_HAS_ROLE, new Case(
                    TRANSITIONS.archive(State.PUBLISHED, new Actor("a", "adm", "Adm", Set.of(Role.ADMIN), null, false), LATEST),
                    TRANSITIONS.archive(State.PUBLISHED, AUTHOR, LATEST))),
            Map.entry(WorkflowRules.LINKS_RESOLVE, new Case(
                    TRANSITIONS.submit(State.DRAFT, AUTHOR, LATEST, null, List.of()),
                    TRANSITIONS.submit(State.DRAFT, AUTHOR, LATEST, null, List.of("exercises:gone")))),
            Map.entry(WorkflowRules.REVIEWER_IS_CLINICIAN, new Case(
                    approve(CLINICIAN, approval(3, "Dr Cas", null), true),
                    approve(new Actor("c", "cas", "Dr Cas", Set.of(Role.CLINICIAN), null, false), approval(3, "Dr Cas", null), true))),
            Map.entry(WorkflowRules.REVIEWER_NOT_AUTHOR, new Case(
                    requestChanges(CLINICIAN, 3),
                    requestChanges(new Actor("author-id", "ada", "Dr Ada", Set.of(Role.CLINICIAN), "Midwife, HCPC 3", false), 3))),
            Map.entry(WorkflowRules.APPROVAL_NAMES_REVISION, new Case(
                    approve(CLINICIAN, approval(3, "Dr Cas", null), true),
                    approve(CLINICIAN, approval(2, "Dr Cas", null), true))),
            Map.entry(WorkflowRules.CHANGES_NAME_REVISION, new Case(
                    requestChanges(CLINICIAN, 3),
                    requestChanges(CLINICIAN, 2))),
            Map.entry(WorkflowRules.PRINTED_NAME_MATCHES, new Case(
                    approve(CLINICIAN, approval(3, " dr cas ", null), true),
                    approve(CLINICIAN, approval(3, "Dr Someone Else", null), true))),
            Map.entry(WorkflowRules.SIGNER_REAUTHENTICATED, new Case(
                    approve(CLINICIAN, approval(3, "Dr Cas", null), true),
                    approve(CLINICIAN, approval(3, "Dr Cas", null), false))),
            Map.entry(WorkflowRules.REVIEW_DUE_VALID, new Case(
                    approve(CLINICIAN, approval(3, "Dr Cas", TODAY.plusMonths(24)), true),
                    approve(CLINICIAN, approval(3, "Dr Cas", TODAY), true))),
            Map.entry(WorkflowRules.APPROVAL_CURRENT, new Case(
                    publish(CURRENT, List.of()),
                    publish(new Transition.ApprovalFacts(2, "hash-2", TODAY.plusMonths(12)), List.of()))),
            Map.entry(WorkflowRules.APPROVAL_NOT_EXPIRED, new Case(
                    publish(new Transition.ApprovalFacts(3, "hash-3", TODAY.plusDays(1)), List.of()),
                    publish(new Transition.ApprovalFacts(3, "hash-3", TODAY), List.of()))),
            Map.entry(WorkflowRules.LINKED_WARNINGS_PUBLISHED, new Case(
                    publish(CURRENT, List.of()),
                    publish(CURRENT, List.of("not-yet-published")))),
            Map.entry(WorkflowRules.LINKED_REVISIONS_CURRENT, new Case(
                    publish(CURRENT, List.of()),
                    publish(withDrift(List.of(REPUBLISHED)), List.of()))),
            Map.entry(WorkflowRules.HAS_PUBLISHED_REVISION, new Case(
                    TRANSITIONS.unpublish(State.DRAFT, PUBLISHER, LATEST, 2),
                    TRANSITIONS.unpublish(State.DRAFT, PUBLISHER, LATEST, null)))));

    @Test
    void everyRuleHasACase() {
        assertEquals(EnumSet.allOf(WorkflowRules.class), CASES.keySet());
    }

    @ParameterizedTest
    @EnumSource(WorkflowRules.class)
    void theRuleHolds(WorkflowRules rule) {
        assertEquals(Set.of(), rules(CASES.get(rule).passes()), rule.code());
    }

    @ParameterizedTest
    @EnumSource(WorkflowRules.class)
    void theRuleIsBroken(WorkflowRules rule) {
        assertEquals(Set.of(rule.code()), rules(CASES.get(rule).fails()), rule.code());
    }

    @Test
    void aCreateIsFromNoStateAndNoOtherActionIs() {
        assertEquals(Set.of(), rules(TRANSITIONS.create(AUTHOR)));
        assertEquals(Set.of("actor-has-role"), rules(TRANSITIONS.create(PUBLISHER)));
        assertEquals(Set.of("transition-allowed"), rules(TRANSITIONS.edit(null, AUTHOR, LATEST)));
        assertEquals(Set.of("transition-allowed"), rules(TRANSITIONS.edit(State.ARCHIVED, AUTHOR, LATEST)));
        assertEquals(Set.of(), rules(TRANSITIONS.edit(State.PUBLISHED, AUTHOR, LATEST)), "workflow.json allows editing a published entry");
    }

    @Test
    void anAttemptIsJudgedOnTheCallersRolesAlone() {
        assertEquals(List.of(), Violations.of(VALIDATOR.validate(TRANSITIONS.attempt(Action.APPROVE, CLINICIAN), Groups.Caller.class)));
        assertEquals(Set.of("actor-has-role"), Violations.of(VALIDATOR.validate(TRANSITIONS.attempt(Action.APPROVE, AUTHOR),
                Groups.Caller.class)).stream().map(v -> v.rule()).collect(Collectors.toSet()));
    }

    @Test
    void anApprovalOrChangeRequestMustBeSent() {
        assertEquals(Set.of("not-null", "signer-reauthenticated"), rules(approve(CLINICIAN, null, false)), "no body, no password");
        assertEquals(Set.of("not-null"), rules(TRANSITIONS.requestChanges(State.IN_REVIEW, CLINICIAN, LATEST, null, List.of())));
    }

    @Test
    void expiredAndStaleApprovalsAreBothReported() {
        assertEquals(Set.of("approval-current"), rules(publish(null, List.of())));
        assertEquals(Set.of("approval-current", "approval-not-expired"),
                rules(publish(new Transition.ApprovalFacts(2, "hash-2", TODAY.minusDays(1)), List.of())));
    }


    static Transition.ApprovalFacts withDrift(List<LinkDrift> drift) {
        return new Transition.ApprovalFacts(3, "hash-3", TODAY.plusMonths(12), drift);
    }

    @Test
    void eachChangedLinkIsNamedWithWhatWasApprovedAndWhatIsPublicNow() {
        List<org.sacrum.platform.entity.Violation> found = Violations.of(VALIDATOR.validate(
                publish(withDrift(List.of(REPUBLISHED, WITHDRAWN)), List.of()), Groups.Publication.class));
        assertEquals(List.of(
                new org.sacrum.platform.entity.Violation("links.warnings[calf-pain]", "linked-revisions-current",
                        "warning calf-pain changed since the approval: approved with its published revision 2, now published revision 3;"
                                + " a clinician must approve again"),
                new org.sacrum.platform.entity.Violation("links.warnings[chest-pain]", "linked-revisions-current",
                        "warning chest-pain changed since the approval: approved with its published revision 1, now not published (withdrawn);"
                                + " a clinician must approve again")), found);
    }

    @Test
    void anApprovalWithoutALinkManifestCannotBePublished() {
        List<org.sacrum.platform.entity.Violation> found = Violations.of(VALIDATOR.validate(publish(withDrift(null), List.of()),
                Groups.Publication.class));
        assertEquals(List.of("approval"), found.stream().map(org.sacrum.platform.entity.Violation::field).toList());
        assertEquals(Set.of("linked-revisions-current"), rules(publish(withDrift(null), List.of())));
    }

    @Test
    void aChangedLinkBlocksPublishingInTheActionsAViewOffers() {
        AllowedActions.Judgement judgement = AllowedActions.judge(VALIDATOR, TRANSITIONS, new AllowedActions.EntryFacts(
                State.CLINICALLY_REVIEWED, LATEST, withDrift(List.of(REPUBLISHED)), null), PUBLISHER, List::of);
        assertEquals(Set.of(Action.ARCHIVE), judgement.allowed());
        assertEquals(List.of("linked-revisions-current"), judgement.blocked().get(Action.PUBLISH).stream().map(v -> v.rule()).toList());
    }

    @Test
    void anUnchangedPublishedEntryCanBeSubmittedAgainForReReview() {
        assertEquals(Set.of(), rules(TRANSITIONS.submit(State.PUBLISHED, AUTHOR, LATEST, null, List.of())));
    }

    static final Actor DUAL = new Actor("dual", "dana", "Dr Dana", Set.of(Role.CLINICIAN, Role.AUTHOR), "Midwife, HCPC 1", false);

    static Transition approveBy(Actor actor, List<Transition.Authorship> unreviewed) {
        return TRANSITIONS.approve(State.IN_REVIEW, actor, LATEST, approval(3, actor.displayName(), null), true, unreviewed);
    }

    @Test
    void nobodyWhoWroteARevisionSinceTheLastApprovalMayReviewIt() {
        // revision 2 by the dual-role clinician, revision 3 (the latest) by another author
        List<Transition.Authorship> unreviewed = List.of(new Transition.Authorship(2, "dual"), new Transition.Authorship(3, "author-id"));
        assertEquals(Set.of("reviewer-not-author"), rules(approveBy(DUAL, unreviewed)));
        assertEquals(Set.of("reviewer-not-author"), rules(TRANSITIONS.requestChanges(State.IN_REVIEW, DUAL, LATEST,
                new ChangeRequest(3, List.of(new ChangeRequest.FieldComment("title", "Plainer, please."))), unreviewed)));
        Set<String> messages = Violations.of(VALIDATOR.validate(approveBy(DUAL, unreviewed), Groups.Approval.class))
                .stream().map(v -> v.message()).collect(Collectors.toSet());
        assertEquals(Set.of("nobody who wrote a revision since the last approval (or since creation) may review the entry; "
                + "you wrote revision(s) 2"), messages);

        Actor other = new Actor("other", "olga", "Dr Olga", Set.of(Role.CLINICIAN), "Physiotherapist, HCPC 2", false);
        assertEquals(Set.of(), rules(approveBy(other, unreviewed)), "a clinician who wrote nothing under review may approve");
        assertEquals(Set.of(), rules(approveBy(DUAL, List.of(new Transition.Authorship(3, "author-id")))),
                "what the clinician wrote before the last approval does not count");
    }

    @Test
    void theMessageNamesOnlySafeSlugs() {
        Set<String> messages = Violations.of(VALIDATOR.validate(TRANSITIONS.submit(State.DRAFT, AUTHOR, LATEST, null,
                List.of("exercises:gone", "<script>")), Groups.Submission.class)).stream().map(v -> v.message()).collect(Collectors.toSet());
        assertEquals(Set.of("links to entries that do not exist (or are archived): exercises:gone"), messages);
    }
}
