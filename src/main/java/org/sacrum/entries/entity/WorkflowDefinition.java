package org.sacrum.entries.entity;


import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Urgency;
import org.sacrum.identity.entity.Role;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * content-model/workflow.json as a checked value: the single definition of states, the initial state, every action
 * (which states it is allowed from, where it leads, which roles may take it, which stage's rules it is checked by).
 * {@link #parse} refuses a file that names anything that does not exist or leaves an action undefined. Its
 * {@code currency} section gives every content type a review policy ({@link CurrencyPolicy}) and the due-soon window.
 */
public final class WorkflowDefinition {
    public static final String FILE = "workflow.json";

    /**
     * One action of the workflow. {@code from} is empty for {@code create} only (an entry that does not exist yet);
     * {@code keepState} are the states the action leaves as they are.
     */
    public record Step(Action action, Set<State> from, State to, Set<State> keepState, Set<Role> roles, Class<?> group) {
    }

    private final Map<State, String> states;
    private final State initial;
    private final Map<Action, Step> steps;
    private final String signatureMeaning;
    private final int dueSoonDays;
    private final Map<ContentType, CurrencyPolicy> currency;

    private WorkflowDefinition(Map<State, String> states, State initial, Map<Action, Step> steps, String signatureMeaning,
                               int dueSoonDays, Map<ContentType, CurrencyPolicy> currency) {
        this.states = Collections.unmodifiableMap(states);
        this.initial = initial;
        this.steps = Collections.unmodifiableMap(steps);
        this.signatureMeaning = signatureMeaning;
        this.dueSoonDays = dueSoonDays;
        this.currency = Collections.unmodifiableMap(currency);
    }

    /** Reads a parsed workflow.json; throws IllegalStateException naming the file and the first problem found. */
    public static WorkflowDefinition parse(JsonObject workflow) {
        Map<State, String> states = new EnumMap<>(State.class);
        object(workflow, "states").forEach((id, description) -> {
            if (description.getValueType() != JsonValue.ValueType.STRING) {
                throw broken("states." + id + " must be a string describing the state");
            }
            State state = state("states", id);
            states.put(state, ((JsonString) description).getString());
        });
        Set<State> missing = EnumSet.allOf(State.class);
        missing.removeAll(states.keySet());
        if (!missing.isEmpty()) {
            throw broken("states must list every state; missing: " + ids(missing));
        }
        State initial = state("initial", string(workflow, "initial", "initial"));

        Map<Action, Step> steps = new EnumMap<>(Action.class);
        JsonArray transitions = array(workflow, "transitions", "transitions");
        for (int i = 0; i < transitions.size(); i++) {
            String where = "transitions[" + i + "]";
            if (transitions.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw broken(where + " must be an object");
            }
            Step step = step(transitions.getJsonObject(i), where);
            if (steps.put(step.action(), step) != null) {
                throw broken(where + " defines the action '" + step.action().id() + "' a second time");
            }
        }
        Set<Action> undefined = EnumSet.allOf(Action.class);
        undefined.removeAll(steps.keySet());
        if (!undefined.isEmpty()) {
            throw broken("transitions must define every action; missing: "
                    + undefined.stream().map(Action::id).collect(Collectors.joining(", ")));
        }
        EnumSet<State> reached = EnumSet.of(initial);
        steps.values().stream().filter(s -> s.to() != null).forEach(s -> reached.add(s.to()));
        if (!reached.containsAll(states.keySet())) {
            throw broken("no action leads to the state(s) " + ids(EnumSet.complementOf(reached)));
        }

        JsonObject approval = object(workflow, "approval");
        String meaning = string(approval, "signatureMeaning", "approval.signatureMeaning");
        if (meaning.isBlank()) {
            throw broken("approval.signatureMeaning must not be blank");
        }
        JsonObject currency = object(workflow, "currency");
        int dueSoonDays = whole(currency.get("dueSoonDays"), 0, 365, "currency.dueSoonDays must be a whole number of days from 0 to 365");
        return new WorkflowDefinition(states, initial, steps, meaning, dueSoonDays, policies(object(currency, "types", "currency.types")));
    }

    /** currency.types: a policy for every content type, each checked (warnings may only be flagged). */
    private static Map<ContentType, CurrencyPolicy> policies(JsonObject types) {
        Map<ContentType, CurrencyPolicy> policies = new EnumMap<>(ContentType.class);
        types.forEach((id, value) -> {
            if (id.startsWith("$")) {
                return; // $comment
            }
            String where = "currency.types." + id;
            ContentType type = ContentType.byId(id).orElseThrow(() -> broken("currency.types names an unknown content type '" + id + "'"));
            if (!(value instanceof JsonObject p)) {
                throw broken(where + " must be an object");
            }
            int months = whole(p.get("reviewIntervalMonths"), 1, 24, where + ".reviewIntervalMonths must be a whole number of months from 1 to 24");
            Map<String, Integer> byUrgency = new LinkedHashMap<>();
            if (p.containsKey("reviewIntervalMonthsByUrgency")) {
                if (type != ContentType.WARNING) {
                    throw broken(where + ".reviewIntervalMonthsByUrgency: only warnings have an urgency");
                }
                object(p, "reviewIntervalMonthsByUrgency", where + ".reviewIntervalMonthsByUrgency").forEach((urgency, m) -> {
                    if (Arrays.stream(Urgency.values()).noneMatch(u -> u.json().equals(urgency))) {
                        throw broken(where + ".reviewIntervalMonthsByUrgency names an unknown urgency '" + urgency + "'");
                    }
                    byUrgency.put(urgency, whole(m, 1, 24, where + ".reviewIntervalMonthsByUrgency." + urgency
                            + " must be a whole number of months from 1 to 24"));
                });
            }
            String overdueId = string(p, "overdue", where + ".overdue");
            CurrencyPolicy.Overdue overdue = Arrays.stream(CurrencyPolicy.Overdue.values()).filter(o -> o.id().equals(overdueId))
                    .findFirst().orElseThrow(() -> broken(where + ".overdue must be 'flag' or 'withdraw-after-grace', not '" + overdueId + "'"));
            Integer grace = null;
            if (overdue == CurrencyPolicy.Overdue.WITHDRAW_AFTER_GRACE) {
                if (type == ContentType.WARNING) { // removing a red flag removes safety information: a person decides
                    throw broken(where + ".overdue must be 'flag': warnings are never withdrawn automatically");
                }
                grace = whole(p.get("graceDays"), 0, 365, where + ".graceDays must be a whole number of days from 0 to 365");
            } else if (p.containsKey("graceDays")) {
                throw broken(where + ".graceDays is only for the policy 'withdraw-after-grace'");
            }
            policies.put(type, new CurrencyPolicy(months, Collections.unmodifiableMap(byUrgency), overdue, grace));
        });
        Set<ContentType> missing = EnumSet.allOf(ContentType.class);
        missing.removeAll(policies.keySet());
        if (!missing.isEmpty()) {
            throw broken("currency.types must give every content type a policy; missing: "
                    + missing.stream().map(ContentType::id).collect(Collectors.joining(", ")));
        }
        return policies;
    }

    private static Step step(JsonObject t, String at) {
        String id = string(t, "action", at + ".action");
        Action action = Action.byId(id).orElseThrow(() -> broken(at + " names an unknown action '" + id + "'"));
        String where = at + " (" + id + ")";
        boolean create = action == Action.CREATE;
        if (create && (t.containsKey("from") || t.containsKey("to") || t.containsKey("keepStateFrom"))) {
            throw broken(where + ": create starts from no state and leads to the initial state; it takes no from, to or keepStateFrom");
        }
        Set<State> from = create ? EnumSet.noneOf(State.class) : states(t, "from", where);
        if (!create && from.isEmpty()) {
            throw broken(where + ".from must name at least one state");
        }
        State to = create ? null : state(where + ".to", string(t, "to", where + ".to"));
        Set<State> keep = t.containsKey("keepStateFrom") ? states(t, "keepStateFrom", where) : EnumSet.noneOf(State.class);
        if (!from.containsAll(keep)) {
            throw broken(where + ".keepStateFrom may only name states listed in from");
        }
        Set<Role> roles = strings(t, "roles", where).stream()
                .map(r -> Role.byId(r).orElseThrow(() -> broken(where + ".roles names an unknown role '" + r + "'")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (roles.isEmpty()) {
            throw broken(where + ".roles must name at least one role");
        }
        String groupName = string(t, "group", where + ".group");
        Class<?> group = Groups.byName(groupName).orElseThrow(() -> broken(where + ".group names an unknown validation group '"
                + groupName + "'"));
        return new Step(action, Collections.unmodifiableSet(from), to, Collections.unmodifiableSet(keep),
                Collections.unmodifiableSet(roles), group);
    }

    public Step step(Action action) {
        return steps.get(action);
    }

    /** Every state with what it means, as workflow.json describes it. */
    public Map<State, String> states() {
        return states;
    }

    /** The state a new entry starts in. */
    public State initial() {
        return initial;
    }

    /** The state after the action: create leads to the initial state; an action leaves a state in its keepState as it is. */
    public State next(Action action, State from) {
        Step step = steps.get(action);
        if (step.to() == null) {
            return initial;
        }
        return step.keepState().contains(from) ? from : step.to();
    }

    /** How many months an approval of this content holds (urgency as JSON spells it, null when the type has none). */
    public int reviewIntervalMonths(ContentType type, String urgency) {
        return currency.get(type).months(urgency);
    }

    /** How many months an approval of this content holds: a warning's by its urgency, other types' by type alone. */
    public int reviewIntervalMonthsOf(ContentType type, JsonObject content) {
        return reviewIntervalMonths(type, type == ContentType.WARNING ? content.getString("urgency", null) : null);
    }

    /** The type's review currency policy. */
    public CurrencyPolicy currency(ContentType type) {
        return currency.get(type);
    }

    /** How many days before the next review date an entry counts as due soon. */
    public int dueSoonDays() {
        return dueSoonDays;
    }

    public String signatureMeaning() {
        return signatureMeaning;
    }

    private static int whole(JsonValue value, int min, int max, String problem) {
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < min || n.longValue() > max) {
            throw broken(problem);
        }
        return n.intValue();
    }

    private static Set<State> states(JsonObject t, String key, String where) {
        return strings(t, key, where).stream().map(s -> state(where + "." + key, s))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(State.class)));
    }

    private static State state(String where, String id) {
        return State.byId(id).orElseThrow(() -> broken(where + " names an unknown state '" + id + "'"));
    }

    private static List<String> strings(JsonObject o, String key, String where) {
        JsonArray array = array(o, key, where + "." + key);
        if (!array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            throw broken(where + "." + key + " must be an array of strings");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArray array(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonArray array)) {
            throw broken(where + " must be an array");
        }
        return array;
    }

    private static JsonObject object(JsonObject o, String key) {
        return object(o, key, key);
    }

    private static JsonObject object(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonObject object)) {
            throw broken(where + " must be an object");
        }
        return object;
    }

    private static String string(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonString s)) {
            throw broken(where + " must be a string");
        }
        return s.getString();
    }

    private static String ids(Set<State> states) {
        return states.stream().map(State::id).collect(Collectors.joining(", "));
    }

    private static IllegalStateException broken(String problem) {
        return new IllegalStateException(FILE + ": " + problem);
    }
}
