package org.sacrum.entries.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import org.sacrum.content.entity.Complete;
import org.sacrum.content.entity.Content;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the workflow rules need to judge one requested transition, gathered before it is validated; built by
 * {@link Transitions}, one factory per action. The rules themselves are the class-level constraints below, each in
 * the group of the stage it guards. {@code from} is null for a create (there is no entry yet).
 */
@WorkflowConstraint(WorkflowRules.TRANSITION_ALLOWED)
@WorkflowConstraint(value = WorkflowRules.ACTOR_HAS_ROLE, groups = Groups.Caller.class)
@WorkflowConstraint(value = WorkflowRules.LINKS_RESOLVE, groups = Groups.Submission.class)
@WorkflowConstraint(value = WorkflowRules.REVIEWER_IS_CLINICIAN, groups = {Groups.Approval.class, Groups.ChangeRequest.class})
@WorkflowConstraint(value = WorkflowRules.REVIEWER_NOT_AUTHOR, groups = {Groups.Approval.class, Groups.ChangeRequest.class})
@WorkflowConstraint(value = WorkflowRules.APPROVAL_NAMES_REVISION, groups = Groups.Approval.class)
@WorkflowConstraint(value = WorkflowRules.CHANGES_NAME_REVISION, groups = Groups.ChangeRequest.class)
@WorkflowConstraint(value = WorkflowRules.PRINTED_NAME_MATCHES, groups = Groups.Approval.class)
@WorkflowConstraint(value = WorkflowRules.SIGNER_REAUTHENTICATED, groups = Groups.Approval.class)
@WorkflowConstraint(value = WorkflowRules.REVIEW_DUE_VALID, groups = Groups.Approval.class)
@WorkflowConstraint(value = WorkflowRules.APPROVAL_CURRENT, groups = Groups.Publication.class)
@WorkflowConstraint(value = WorkflowRules.APPROVAL_NOT_EXPIRED, groups = Groups.Publication.class)
@WorkflowConstraint(value = WorkflowRules.LINKED_WARNINGS_PUBLISHED, groups = Groups.Publication.class)
@WorkflowConstraint(value = WorkflowRules.LINKED_REVISIONS_CURRENT, groups = Groups.Publication.class)
@WorkflowConstraint(value = WorkflowRules.HAS_PUBLISHED_REVISION, groups = Groups.Withdrawal.class)
public record Transition(
        WorkflowDefinition.Step step,
        State from,
        Actor actor,
        RevisionFacts latest,
        @Valid @ConvertGroup(from = Groups.Submission.class, to = Complete.class) Content content,
        List<String> brokenLinks,
        List<String> unpublishedWarnings,
        ApprovalFacts approval,
        @NotNull(groups = Groups.Approval.class) @Valid ApprovalRequest approvalRequest,
        boolean signerReauthenticated,
        @NotNull(groups = Groups.ChangeRequest.class) @Valid ChangeRequest changeRequest,
        Integer publishedRevision,
        LocalDate today,
        List<Authorship> unreviewedAuthors) {

    public Action action() {
        return step.action();
    }

    /** The groups this transition is validated in: who may act, the Default group, and its stage's group. */
    public Class<?>[] groups() {
        return step.group() == Default.class ? new Class<?>[]{Groups.Caller.class, Default.class}
                : new Class<?>[]{Groups.Caller.class, Default.class, step.group()};
    }

    /** The revision the transition is about. */
    public record RevisionFacts(int number, String contentHash, String authorId) {
    }

    /**
     * Someone who wrote content of a revision made since the entry's last approval (or since creation): the revision's
     * author, and for a restore also whoever wrote the restored revision.
     */
    public record Authorship(int revision, String personId) {
    }

    /**
     * The approval the entry currently carries, if any. {@code linkDrift}: the linked entries whose public revision
     * changed since the approval (empty: none); null when the approval has no link manifest (made before they were recorded).
     */
    public record ApprovalFacts(int revisionNumber, String contentHash, LocalDate nextReviewDue, List<LinkDrift> linkDrift) {
        /** An approval whose linked entries are as it recorded them. */
        public ApprovalFacts(int revisionNumber, String contentHash, LocalDate nextReviewDue) {
            this(revisionNumber, contentHash, nextReviewDue, List.of());
        }
    }
}
