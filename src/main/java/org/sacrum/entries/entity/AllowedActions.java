package org.sacrum.entries.entity;

import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import org.sacrum.platform.entity.Violation;
import org.sacrum.platform.entity.Violations;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The workflow actions a view of an entry offers its caller, judged by validating each action's prospective
 * transition (no request body) with the same rules that judge the action itself, keeping those that can be judged
 * ahead ({@link WorkflowRules#judgedAhead()}). An action that the caller's roles or the entry's state do not allow is
 * neither allowed nor blocked; one that a further rule refuses (a reviewer who wrote the revision, an approval that
 * expired) is blocked, with the violations saying why.
 */
public final class AllowedActions {
    /** What the rules need to know of the entry itself. */
    public record EntryFacts(State state, Transition.RevisionFacts latest, Transition.ApprovalFacts approval, Integer publishedRevision) {
    }

    public record Judgement(Set<Action> allowed, Map<Action, List<Violation>> blocked) {
    }

    private AllowedActions() {
    }

    /** {@code unreviewedAuthors} is read only for a review the caller's role and the entry's state allow. */
    public static Judgement judge(Validator validator, Transitions transitions, EntryFacts entry, Actor actor,
                                  Supplier<List<Transition.Authorship>> unreviewedAuthors) {
        return new Judge(validator, transitions, actor).judge(entry, unreviewedAuthors);
    }

    /**
     * Judges many entries (a list's page) for one caller on one day. Whether the caller's roles and an entry's state
     * allow an action at all (the Caller and Default groups, without a request body) depends on nothing else, so that
     * first validation is made once per action and state, not once per entry; the further rules are validated per entry.
     */
    public static final class Judge {
        private final Validator validator;
        private final Transitions transitions;
        private final Actor actor;
        private final Map<State, Set<Action>> attemptable = new java.util.EnumMap<>(State.class);

        public Judge(Validator validator, Transitions transitions, Actor actor) {
            this.validator = validator;
            this.transitions = transitions;
            this.actor = actor;
        }

        public Judgement judge(EntryFacts entry, Supplier<List<Transition.Authorship>> unreviewedAuthors) {
            Set<Action> allowed = EnumSet.noneOf(Action.class);
            Map<Action, List<Violation>> blocked = new LinkedHashMap<>();
            for (Action action : attemptable(entry)) {
                List<Transition.Authorship> authors = action == Action.APPROVE || action == Action.REQUEST_CHANGES
                        ? unreviewedAuthors.get() : List.of();
                Transition prospect = prospect(transitions, action, entry, actor, authors);
                List<Violation> found = judgedAhead(validator, prospect, prospect.groups());
                if (found.isEmpty()) {
                    allowed.add(action);
                } else {
                    blocked.put(action, found);
                }
            }
            return new Judgement(allowed, blocked);
        }

        /** The actions the caller's roles and the entry's state allow (neither allowed nor blocked otherwise), in Action order. */
        private Set<Action> attemptable(EntryFacts entry) {
            return attemptable.computeIfAbsent(entry.state(), state -> {
                Set<Action> actions = EnumSet.noneOf(Action.class);
                for (Action action : Action.values()) {
                    if (action != Action.CREATE // a view is of an entry that exists
                            && judgedAhead(validator, prospect(transitions, action, entry, actor, List.of()), Groups.Caller.class, Default.class).isEmpty()) {
                        actions.add(action);
                    }
                }
                return actions;
            });
        }
    }

    private static Transition prospect(Transitions transitions, Action action, EntryFacts entry, Actor actor,
                                       List<Transition.Authorship> authors) {
        State from = entry.state();
        return switch (action) {
            case CREATE -> transitions.create(actor);
            case EDIT -> transitions.edit(from, actor, entry.latest());
            case SUBMIT -> transitions.submit(from, actor, entry.latest(), null, List.of());
            case REQUEST_CHANGES -> transitions.requestChanges(from, actor, entry.latest(), null, authors);
            case APPROVE -> transitions.approve(from, actor, entry.latest(), null, false, authors);
            case PUBLISH -> transitions.publish(from, actor, entry.latest(), entry.approval(), List.of());
            case UNPUBLISH -> transitions.unpublish(from, actor, entry.latest(), entry.publishedRevision());
            case ARCHIVE -> transitions.archive(from, actor, entry.latest());
        };
    }

    private static List<Violation> judgedAhead(Validator validator, Transition transition, Class<?>... groups) {
        return Violations.of(validator.validate(transition, groups)).stream()
                .filter(v -> WorkflowRules.byCode(v.rule()).map(WorkflowRules::judgedAhead).orElse(false)).toList();
    }
}
