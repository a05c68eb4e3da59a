package org.sacrum.entries.entity;

import org.sacrum.content.entity.Content;

import java.time.LocalDate;
import java.util.List;

/**
 * Builds the {@link Transition} of each action with exactly the facts its rules judge. A request body the caller has
 * not sent yet (an approval, a change request) may be null: that is how a prospective transition is judged for
 * the actions a view offers.
 */
public record Transitions(WorkflowDefinition workflow, LocalDate today) {

    /** What is known before the entry is read: who wants to take which action. Only the Caller group judges it. */
    public Transition attempt(Action action, Actor actor) {
        return of(action, null, actor, null, null, List.of(), List.of(), null, null, false, null, null, List.of());
    }

    public Transition create(Actor actor) {
        return of(Action.CREATE, null, actor, null, null, List.of(), List.of(), null, null, false, null, null, List.of());
    }

    /** Saving new content, or restoring an old revision's, as the newest revision. */
    public Transition edit(State from, Actor actor, Transition.RevisionFacts latest) {
        return of(Action.EDIT, from, actor, latest, null, List.of(), List.of(), null, null, false, null, null, List.of());
    }

    public Transition submit(State from, Actor actor, Transition.RevisionFacts latest, Content content, List<String> brokenLinks) {
        return of(Action.SUBMIT, from, actor, latest, content, brokenLinks, List.of(), null, null, false, null, null, List.of());
    }

    public Transition requestChanges(State from, Actor actor, Transition.RevisionFacts latest, ChangeRequest request,
                                     List<Transition.Authorship> unreviewedAuthors) {
        return of(Action.REQUEST_CHANGES, from, actor, latest, null, List.of(), List.of(), null, null, false, request, null,
                unreviewedAuthors);
    }

    public Transition approve(State from, Actor actor, Transition.RevisionFacts latest, ApprovalRequest request,
                              boolean signerReauthenticated, List<Transition.Authorship> unreviewedAuthors) {
        return of(Action.APPROVE, from, actor, latest, null, List.of(), List.of(), null, request, signerReauthenticated, null, null,
                unreviewedAuthors);
    }

    public Transition publish(State from, Actor actor, Transition.RevisionFacts latest, Transition.ApprovalFacts approval,
                              List<String> unpublishedWarnings) {
        return of(Action.PUBLISH, from, actor, latest, null, List.of(), unpublishedWarnings, approval, null, false, null, null,
                List.of());
    }

    public Transition unpublish(State from, Actor actor, Transition.RevisionFacts latest, Integer publishedRevision) {
        return of(Action.UNPUBLISH, from, actor, latest, null, List.of(), List.of(), null, null, false, null, publishedRevision,
                List.of());
    }

    public Transition archive(State from, Actor actor, Transition.RevisionFacts latest) {
        return of(Action.ARCHIVE, from, actor, latest, null, List.of(), List.of(), null, null, false, null, null, List.of());
    }

    private Transition of(Action action, State from, Actor actor, Transition.RevisionFacts latest, Content content,
                          List<String> brokenLinks, List<String> unpublishedWarnings, Transition.ApprovalFacts approval,
                          ApprovalRequest approvalRequest, boolean reauthenticated, ChangeRequest changeRequest,
                          Integer publishedRevision, List<Transition.Authorship> unreviewedAuthors) {
        return new Transition(workflow.step(action), from, actor, latest, content, brokenLinks, unpublishedWarnings, approval,
                approvalRequest, reauthenticated, changeRequest, publishedRevision, today, unreviewedAuthors);
    }
}
