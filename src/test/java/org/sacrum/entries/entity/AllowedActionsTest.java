package org.sacrum.entries.entity;

import org.junit.jupiter.api.Test;
import org.sacrum.identity.entity.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sacrum.entries.entity.Workflows.TODAY;
import static org.sacrum.entries.entity.Workflows.TRANSITIONS;
import static org.sacrum.entries.entity.Workflows.VALIDATOR;

/** The actions a view offers, for a few states and callers, judged by the workflow's own rules. */
class AllowedActionsTest {
    static final Transition.RevisionFacts LATEST = new Transition.RevisionFacts(2, "hash-2", "author-id");
    static final Transition.ApprovalFacts CURRENT = new Transition.ApprovalFacts(2, "hash-2", TODAY.plusMonths(12));
    static final Actor AUTHOR = new Actor("author-id", "ada", "Ada", Set.of(Role.AUTHOR), null, false);
    static final Actor CLINICIAN = new Actor("c", "cas", "Dr Cas", Set.of(Role.CLINICIAN), "Physiotherapist, HCPC 2", false);
    static final Actor PUBLISHER = new Actor("p", "pat", "Pat", Set.of(Role.PUBLISHER), null, false);
    static final Actor ADMIN = new Actor("adm", "adm", "Adm", Set.of(Role.ADMIN), null, false);
    static final Actor READER = new Actor("r", "rea", "Rea", Set.of(), null, false);
    static final Supplier<List<Transition.Authorship>> NOT_READ = () -> fail("authorship is read only for a possible review");

    static AllowedActions.Judgement judge(State state, Transition.ApprovalFacts approval, Integer published, Actor actor,
                                          Supplier<List<Transition.Authorship>> authors) {
        return AllowedActions.judge(VALIDATOR, TRANSITIONS, new AllowedActions.EntryFacts(state, LATEST, approval, published), actor, authors);
    }

    static Set<Action> allowed(State state, Actor actor) {
        return judge(state, null, null, actor, NOT_READ).allowed();
    }

    @Test
    void anAuthorMayEditAndSubmitADraftAndEditAnEntryUnderReview() {
        assertEquals(EnumSet.of(Action.EDIT, Action.SUBMIT), allowed(State.DRAFT, AUTHOR));
        assertEquals(EnumSet.of(Action.EDIT, Action.SUBMIT), allowed(State.CHANGES_REQUESTED, AUTHOR));
        assertEquals(EnumSet.of(Action.EDIT), allowed(State.IN_REVIEW, AUTHOR));
        assertEquals(EnumSet.of(Action.EDIT, Action.SUBMIT), allowed(State.PUBLISHED, AUTHOR), "submit: the published revision goes to a clinician again");
        assertEquals(EnumSet.noneOf(Action.class), allowed(State.ARCHIVED, AUTHOR));
    }

    @Test
    void aClinicianMayReviewWhatOthersWrote() {
        AllowedActions.Judgement judgement = judge(State.IN_REVIEW, null, null, CLINICIAN,
                () -> List.of(new Transition.Authorship(2, "author-id")));
        assertEquals(EnumSet.of(Action.REQUEST_CHANGES, Action.APPROVE), judgement.allowed());
        assertEquals(Map.of(), judgement.blocked());
        assertEquals(EnumSet.noneOf(Action.class), allowed(State.DRAFT, CLINICIAN));
    }

    @Test
    void aClinicianWhoWroteTheRevisionIsBlockedFromReviewingItAndToldWhy() {
        Actor dual = new Actor("author-id", "ada", "Dr Ada", Set.of(Role.CLINICIAN, Role.AUTHOR), "Midwife, HCPC 3", false);
        AllowedActions.Judgement judgement = judge(State.IN_REVIEW, null, null, dual, () -> List.of(new Transition.Authorship(2, "author-id")));
        assertEquals(EnumSet.of(Action.EDIT), judgement.allowed());
        assertEquals(Set.of(Action.REQUEST_CHANGES, Action.APPROVE), judgement.blocked().keySet());
        assertEquals(Set.of("reviewer-not-author"), judgement.blocked().values().stream().flatMap(List::stream).map(v -> v.rule())
                .collect(Collectors.toSet()));
    }

    @Test
    void aPublisherMayPublishAnEntryWithACurrentApproval() {
        AllowedActions.Judgement judgement = judge(State.CLINICALLY_REVIEWED, CURRENT, null, PUBLISHER, NOT_READ);
        assertEquals(EnumSet.of(Action.PUBLISH, Action.ARCHIVE), judgement.allowed());
        assertEquals(Set.of(Action.UNPUBLISH), judgement.blocked().keySet(), "nothing is published yet");

        AllowedActions.Judgement expired = judge(State.CLINICALLY_REVIEWED, new Transition.ApprovalFacts(2, "hash-2", TODAY), null,
                PUBLISHER, NOT_READ);
        assertEquals(EnumSet.of(Action.ARCHIVE), expired.allowed());
        assertEquals("approval-not-expired", expired.blocked().get(Action.PUBLISH).get(0).rule());

        assertEquals(EnumSet.of(Action.UNPUBLISH, Action.ARCHIVE), judge(State.PUBLISHED, CURRENT, 2, PUBLISHER, NOT_READ).allowed());
        assertEquals(EnumSet.of(Action.PUBLISH, Action.ARCHIVE), judge(State.UNPUBLISHED, CURRENT, null, PUBLISHER, NOT_READ).allowed());
    }

    @Test
    void anAdminMayOnlyArchiveAndAReaderNothing() {
        assertEquals(EnumSet.of(Action.ARCHIVE), allowed(State.PUBLISHED, ADMIN));
        AllowedActions.Judgement reader = judge(State.DRAFT, null, null, READER, NOT_READ);
        assertEquals(EnumSet.noneOf(Action.class), reader.allowed());
        assertEquals(Map.of(), reader.blocked());
    }

    @Test
    void contentRulesAreLeftToTheActionItself() {
        // a submit is offered without judging the content: the caller learns what is incomplete when they submit
        assertEquals(EnumSet.of(Action.EDIT, Action.SUBMIT), judge(State.DRAFT, null, null, AUTHOR, NOT_READ).allowed());
    }

    /** A page's judge checks roles and state once per action and state; what it offers must be what each entry alone is offered. */
    @Test
    void aPageJudgedTogetherIsOfferedWhatEachEntryIsOfferedAlone() {
        List<Transition.Authorship> others = List.of(new Transition.Authorship(2, "someone-else"));
        List<Transition.Authorship> own = List.of(new Transition.Authorship(2, "c"));
        Transition.ApprovalFacts expired = new Transition.ApprovalFacts(2, "hash-2", TODAY);
        for (Actor actor : List.of(AUTHOR, CLINICIAN, PUBLISHER, ADMIN, READER)) {
            AllowedActions.Judge page = new AllowedActions.Judge(VALIDATOR, TRANSITIONS, actor);
            for (int round = 0; round < 2; round++) { // the second round is answered from what the first learnt
                for (State state : State.values()) {
                    for (Transition.ApprovalFacts approval : java.util.Arrays.asList(null, CURRENT, expired)) {
                        for (List<Transition.Authorship> authors : List.of(others, own)) {
                            AllowedActions.EntryFacts facts = new AllowedActions.EntryFacts(state, LATEST, approval, state == State.PUBLISHED ? 2 : null);
                            assertEquals(AllowedActions.judge(VALIDATOR, TRANSITIONS, facts, actor, () -> authors), page.judge(facts, () -> authors),
                                    actor.username() + " " + state + " " + approval + " " + authors);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPageJudgeReadsAuthorshipOnlyForAPossibleReview() {
        AllowedActions.Judge page = new AllowedActions.Judge(VALIDATOR, TRANSITIONS, PUBLISHER);
        for (State state : State.values()) {
            page.judge(new AllowedActions.EntryFacts(state, LATEST, CURRENT, null), NOT_READ);
        }
    }
}
