package org.sacrum.entries.entity;


import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.sacrum.content.entity.ContentModelData;
import org.sacrum.identity.entity.Role;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** content-model/workflow.json, read once: the single definition of states, transitions and roles the server enforces. */
public final class WorkflowDefinition {
    public record Rule(Action action, Set<State> from, State to, Set<State> keepState, Set<Role> roles, Class<?> group) {
    }

    private static final Map<Action, Rule> RULES = new EnumMap<>(Action.class);
    private static final int REVIEW_INTERVAL_MONTHS;
    private static final String SIGNATURE_MEANING;

    static {
        JsonObject workflow = ContentModelData.current().workflow();
        for (JsonObject t : workflow.getJsonArray("transitions").getValuesAs(JsonObject.class)) {
            Action action = Action.byId(t.getString("action")).orElseThrow(
                    () -> new IllegalStateException("workflow.json: unknown action " + t.getString("action")));
            RULES.put(action, new Rule(action, states(t, "from"), state(t.getString("to")),
                    t.containsKey("keepStateFrom") ? states(t, "keepStateFrom") : EnumSet.noneOf(State.class),
                    t.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                            .map(r -> Role.byId(r.getString()).orElseThrow()).collect(Collectors.toUnmodifiableSet()),
                    Groups.byName(t.getString("group"))));
        }
        if (RULES.size() != Action.values().length) {
            throw new IllegalStateException("workflow.json must define every action: " + RULES.keySet());
        }
        JsonObject approval = workflow.getJsonObject("approval");
        REVIEW_INTERVAL_MONTHS = approval.getInt("defaultReviewIntervalMonths");
        SIGNATURE_MEANING = approval.getString("signatureMeaning");
    }

    private WorkflowDefinition() {
    }

    public static Rule rule(Action action) {
        return RULES.get(action);
    }

    /** The state after the action; unpublishing an entry whose working copy moved on leaves that state as it is. */
    public static State next(Action action, State from) {
        Rule rule = RULES.get(action);
        return rule.keepState().contains(from) ? from : rule.to();
    }

    public static int reviewIntervalMonths() {
        return REVIEW_INTERVAL_MONTHS;
    }

    public static String signatureMeaning() {
        return SIGNATURE_MEANING;
    }

    private static Set<State> states(JsonObject t, String key) {
        return t.getJsonArray(key).getValuesAs(JsonString.class).stream().map(s -> state(s.getString()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(State.class)));
    }

    private static State state(String id) {
        return State.byId(id).orElseThrow(() -> new IllegalStateException("workflow.json: unknown state " + id));
    }
}
