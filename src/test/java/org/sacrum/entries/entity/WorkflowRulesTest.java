package org.sacrum.entries.entity;


import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.sacrum.identity.entity.Role;
import org.sacrum.platform.entity.Violations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workflow rules as Bean Validation sees them, for the cases HTTP cannot reach: an approval that expired
 * with time, a clinician account without a recorded credential, a caller without the workflow's role.
 * (Every rule reachable over HTTP is broken in WorkflowIT against the running server.)
 */
class WorkflowRulesTest {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Actor PUBLISHER = new Actor("p", "pat", "Pat", Set.of(Role.PUBLISHER), null, false);
    static final Transition.RevisionFacts LATEST = new Transition.RevisionFacts(3, "hash-3", "author-id");

    static Set<String> rules(Transition t) {
        return Violations.of(VALIDATOR.validate(t, Default.class, WorkflowDefinition.rule(t.action()).group())).stream()
                .map(v -> v.rule()).collect(Collectors.toSet());
    }

    static Transition publish(Actor actor, Transition.ApprovalFacts approval) {
        return new Transition(Action.PUBLISH, State.CLINICALLY_REVIEWED, actor, LATEST, null, List.of(), List.of(), approval,
                null, false, null, null, TODAY);
    }

    @Test
    void publishingNeedsAnApprovalThatHasNotExpired() {
        assertEquals(Set.of(), rules(publish(PUBLISHER, new Transition.ApprovalFacts(3, "hash-3", TODAY.plusDays(1)))));
        assertEquals(Set.of("approval-not-expired"), rules(publish(PUBLISHER, new Transition.ApprovalFacts(3, "hash-3", TODAY))));
        assertEquals(Set.of("approval-current"), rules(publish(PUBLISHER, new Transition.ApprovalFacts(2, "hash-2", TODAY.plusYears(1)))));
        assertEquals(Set.of("approval-current"), rules(publish(PUBLISHER, null)));
    }

    @Test
    void theCallerNeedsTheRoleWorkflowJsonGivesTheAction() {
        Actor author = new Actor("a", "ada", "Ada", Set.of(Role.AUTHOR), null, false);
        assertEquals(Set.of("actor-has-role"), rules(publish(author, new Transition.ApprovalFacts(3, "hash-3", TODAY.plusDays(1)))));
    }

    @Test
    void aClinicianWithoutARecordedCredentialCannotReview() {
        Actor uncredentialed = new Actor("c", "cas", "Cas", Set.of(Role.CLINICIAN), null, false);
        ApprovalRequest request = new ApprovalRequest(3, "hash-3", "I reviewed this revision for accuracy.", "Cas", "pw", null);
        Transition approve = new Transition(Action.APPROVE, State.IN_REVIEW, uncredentialed, LATEST, null, List.of(), List.of(),
                null, request, true, null, null, TODAY);
        assertEquals(Set.of("reviewer-is-clinician"), rules(approve));
    }

    static final Actor DUAL = new Actor("dual", "dana", "Dr Dana", Set.of(Role.CLINICIAN, Role.AUTHOR), "Midwife, HCPC 1", false);

    static Transition approveBy(Actor actor, List<Transition.Authorship> unreviewed) {
        ApprovalRequest request = new ApprovalRequest(3, "hash-3", "I reviewed this revision for accuracy.", actor.displayName(), "pw", null);
        return new Transition(Action.APPROVE, State.IN_REVIEW, actor, LATEST, null, List.of(), List.of(), null, request, true, null,
                null, TODAY, unreviewed);
    }

    static Transition requestChangesBy(Actor actor, List<Transition.Authorship> unreviewed) {
        ChangeRequest request = new ChangeRequest(3, List.of(new ChangeRequest.FieldComment("title", "Please make the title plainer.")));
        return new Transition(Action.REQUEST_CHANGES, State.IN_REVIEW, actor, LATEST, null, List.of(), List.of(), null, null, false,
                request, null, TODAY, unreviewed);
    }

    @Test
    void nobodyWhoWroteARevisionSinceTheLastApprovalMayReviewIt() {
        // revision 2 by the dual-role clinician, revision 3 (the latest) by another author
        List<Transition.Authorship> unreviewed = List.of(new Transition.Authorship(2, "dual"), new Transition.Authorship(3, "author-id"));
        assertEquals(Set.of("reviewer-not-author"), rules(approveBy(DUAL, unreviewed)));
        assertEquals(Set.of("reviewer-not-author"), rules(requestChangesBy(DUAL, unreviewed)));
        Set<String> messages = Violations.of(VALIDATOR.validate(approveBy(DUAL, unreviewed), Default.class, Groups.Approval.class))
                .stream().map(v -> v.message()).collect(Collectors.toSet());
        assertEquals(Set.of("nobody who wrote a revision since the last approval (or since creation) may review the entry; "
                + "you wrote revision(s) 2"), messages);

        Actor other = new Actor("other", "olga", "Dr Olga", Set.of(Role.CLINICIAN), "Physiotherapist, HCPC 2", false);
        assertEquals(Set.of(), rules(approveBy(other, unreviewed)), "a clinician who wrote nothing under review may approve");
        assertEquals(Set.of(), rules(approveBy(DUAL, List.of(new Transition.Authorship(3, "author-id")))),
                "what the clinician wrote before the last approval does not count");
    }

    @Test
    void theAuthorOfTheLatestRevisionCannotReviewItWithoutFurtherFacts() {
        Actor author = new Actor("author-id", "ada", "Dr Ada", Set.of(Role.CLINICIAN, Role.AUTHOR), "Midwife, HCPC 3", false);
        assertEquals(Set.of("reviewer-not-author"), rules(approveBy(author, List.of())));
    }

    @Test
    void everyStateTheWorkflowNamesIsAState() {
        for (Action action : Action.values()) {
            WorkflowDefinition.Rule rule = WorkflowDefinition.rule(action);
            assertEquals(action, rule.action());
        }
        assertEquals(State.UNPUBLISHED, WorkflowDefinition.next(Action.UNPUBLISH, State.PUBLISHED));
        assertEquals(State.DRAFT, WorkflowDefinition.next(Action.UNPUBLISH, State.DRAFT), "an edit in progress keeps its state");
    }
}
