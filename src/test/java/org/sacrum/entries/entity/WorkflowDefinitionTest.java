package org.sacrum.entries.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sacrum.content.entity.ContentType;
import org.sacrum.identity.entity.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sacrum.entries.entity.Workflows.SHIPPED;
import static org.sacrum.entries.entity.Workflows.SHIPPED_JSON;

/** workflow.json as the server reads it: the shipped file, and broken ones refused with the file and the problem named. */
class WorkflowDefinitionTest {

    @Test
    void theShippedFileDefinesEveryActionAndState() {
        assertEquals(State.DRAFT, SHIPPED.initial());
        assertEquals(EnumSet.allOf(State.class), SHIPPED.states().keySet());
        for (Action action : Action.values()) {
            assertEquals(action, SHIPPED.step(action).action());
        }
        assertEquals(Set.of(Role.AUTHOR), SHIPPED.step(Action.CREATE).roles());
        assertEquals(Set.of(Role.PUBLISHER, Role.ADMIN), SHIPPED.step(Action.ARCHIVE).roles());
        assertEquals(Default.class, SHIPPED.step(Action.EDIT).group());
        assertEquals(Groups.Approval.class, SHIPPED.step(Action.APPROVE).group());
        assertEquals(12, SHIPPED.reviewIntervalMonths(ContentType.EXERCISE, null));
        assertTrue(SHIPPED.signatureMeaning().startsWith("I have reviewed"));
    }

    @Test
    void theNextStateComesFromTheFile() {
        assertEquals(State.DRAFT, SHIPPED.next(Action.CREATE, null), "a new entry starts in the initial state");
        assertEquals(State.DRAFT, SHIPPED.next(Action.EDIT, State.PUBLISHED));
        assertEquals(State.IN_REVIEW, SHIPPED.next(Action.SUBMIT, State.CHANGES_REQUESTED));
        assertEquals(State.UNPUBLISHED, SHIPPED.next(Action.UNPUBLISH, State.PUBLISHED));
        assertEquals(State.DRAFT, SHIPPED.next(Action.UNPUBLISH, State.DRAFT), "an edit in progress keeps its state");
        assertEquals(State.ARCHIVED, SHIPPED.next(Action.ARCHIVE, State.DRAFT));
    }

    @Test
    void anotherInitialStateIsRead() {
        JsonObject changed = Json.createObjectBuilder(SHIPPED_JSON).add("initial", "in-review").build();
        assertEquals(State.IN_REVIEW, WorkflowDefinition.parse(changed).next(Action.CREATE, null));
    }

    @Test
    void aRoleGivenAnActionInTheFileIsAllowedIt() {
        WorkflowDefinition changed = WorkflowDefinition.parse(withTransition("submit", t -> Json.createObjectBuilder(t)
                .add("roles", Json.createArrayBuilder().add("author").add("clinician")).build()));
        assertEquals(Set.of(Role.AUTHOR, Role.CLINICIAN), changed.step(Action.SUBMIT).roles());
    }

    @Test
    void reviewIntervalsArePerTypeAndForWarningsPerUrgency() {
        assertEquals(6, SHIPPED.reviewIntervalMonths(ContentType.WARNING, "emergency"));
        assertEquals(6, SHIPPED.reviewIntervalMonths(ContentType.WARNING, "urgent-same-day"));
        assertEquals(12, SHIPPED.reviewIntervalMonths(ContentType.WARNING, "routine"));
        assertEquals(12, SHIPPED.reviewIntervalMonths(ContentType.WARNING, null));
        assertEquals(30, SHIPPED.dueSoonDays());
        JsonObject changed = withCurrencyType("habit", Json.createObjectBuilder().add("reviewIntervalMonths", 9)
                .add("overdue", "withdraw-after-grace").add("graceDays", 14).build());
        assertEquals(9, WorkflowDefinition.parse(changed).reviewIntervalMonths(ContentType.HABIT, null), "the interval is the file's");
        assertEquals(14, WorkflowDefinition.parse(changed).currency(ContentType.HABIT).withdrawalGraceDays());
    }

    @Test
    void theShippedOverduePoliciesNeverWithdrawAWarning() {
        for (ContentType type : ContentType.values()) {
            CurrencyPolicy policy = SHIPPED.currency(type);
            if (type == ContentType.WARNING || type == ContentType.CONDITION || type == ContentType.PODCAST_EPISODE) {
                assertEquals(CurrencyPolicy.Overdue.FLAG, policy.overdue(), type.id());
                assertEquals(null, policy.withdrawalGraceDays(), type.id());
            } else {
                assertEquals(CurrencyPolicy.Overdue.WITHDRAW_AFTER_GRACE, policy.overdue(), type.id());
                assertEquals(30, policy.withdrawalGraceDays(), type.id());
            }
        }
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("an unknown state in from", withTransition("submit", t -> Json.createObjectBuilder(t)
                        .add("from", Json.createArrayBuilder().add("drafty")).build()), "transitions[2] (submit).from names an unknown state 'drafty'"),
                Arguments.of("an unknown target state", withTransition("approve", t -> Json.createObjectBuilder(t).add("to", "approved").build()),
                        "(approve).to names an unknown state 'approved'"),
                Arguments.of("an unknown role", withTransition("publish", t -> Json.createObjectBuilder(t)
                        .add("roles", Json.createArrayBuilder().add("editor")).build()), "(publish).roles names an unknown role 'editor'"),
                Arguments.of("no role", withTransition("publish", t -> Json.createObjectBuilder(t)
                        .add("roles", Json.createArrayBuilder()).build()), "(publish).roles must name at least one role"),
                Arguments.of("roles not a list", withTransition("publish", t -> Json.createObjectBuilder(t).add("roles", "publisher").build()),
                        "(publish).roles must be an array"),
                Arguments.of("an unknown group", withTransition("approve", t -> Json.createObjectBuilder(t).add("group", "Approvals").build()),
                        "(approve).group names an unknown validation group 'Approvals'"),
                Arguments.of("an unknown action", withTransition("archive", t -> Json.createObjectBuilder(t).add("action", "retire").build()),
                        "names an unknown action 'retire'"),
                Arguments.of("an action left out", without("archive"), "transitions must define every action; missing: archive"),
                Arguments.of("create left out", without("create"), "missing: create"),
                Arguments.of("an action defined twice", withTransition("archive", t -> Json.createObjectBuilder(t).add("action", "publish").build()),
                        "defines the action 'publish' a second time"),
                Arguments.of("a create from a state", withTransition("create", t -> Json.createObjectBuilder(t)
                        .add("from", Json.createArrayBuilder().add("draft")).build()), "create starts from no state"),
                Arguments.of("an action from no state", withTransition("submit", t -> Json.createObjectBuilder(t)
                        .add("from", Json.createArrayBuilder()).build()), "(submit).from must name at least one state"),
                Arguments.of("keepStateFrom beyond from", withTransition("unpublish", t -> Json.createObjectBuilder(t)
                        .add("keepStateFrom", Json.createArrayBuilder().add("archived")).build()), "keepStateFrom may only name states listed in from"),
                Arguments.of("an unknown initial state", Json.createObjectBuilder(SHIPPED_JSON).add("initial", "new").build(),
                        "initial names an unknown state 'new'"),
                Arguments.of("no initial state", Json.createObjectBuilder(SHIPPED_JSON).remove("initial").build(), "initial must be a string"),
                Arguments.of("a state left out", Json.createObjectBuilder(SHIPPED_JSON).add("states",
                        Json.createObjectBuilder(SHIPPED_JSON.getJsonObject("states")).remove("archived")).build(), "missing: archived"),
                Arguments.of("an unknown state listed", Json.createObjectBuilder(SHIPPED_JSON).add("states",
                        Json.createObjectBuilder(SHIPPED_JSON.getJsonObject("states")).add("retired", "Gone.")).build(),
                        "states names an unknown state 'retired'"),
                Arguments.of("a state nothing leads to", withTransition("archive", t -> Json.createObjectBuilder(t).add("to", "unpublished").build()),
                        "no action leads to the state(s) archived"),
                Arguments.of("no transitions", Json.createObjectBuilder(SHIPPED_JSON).remove("transitions").build(), "transitions must be an array"),
                Arguments.of("a review interval of 0", withCurrencyType("exercise", policy(0, "flag", null)),
                        "currency.types.exercise.reviewIntervalMonths must be a whole number of months from 1 to 24"),
                Arguments.of("a negative review interval", withCurrencyType("condition", policy(-3, "flag", null)),
                        "currency.types.condition.reviewIntervalMonths must be a whole number"),
                Arguments.of("a fractional review interval", withCurrencyType("condition", Json.createObjectBuilder(policy(12, "flag", null))
                        .add("reviewIntervalMonths", 1.5).build()), "currency.types.condition.reviewIntervalMonths must be a whole number"),
                Arguments.of("a type left out", Json.createObjectBuilder(SHIPPED_JSON).add("currency", Json.createObjectBuilder(SHIPPED_JSON
                        .getJsonObject("currency")).add("types", Json.createObjectBuilder(SHIPPED_JSON.getJsonObject("currency")
                        .getJsonObject("types")).remove("habit"))).build(), "currency.types must give every content type a policy; missing: habit"),
                Arguments.of("an unknown type", withCurrencyType("article", policy(12, "flag", null)),
                        "currency.types names an unknown content type 'article'"),
                Arguments.of("withdrawal of a warning", withCurrencyType("warning", policy(12, "withdraw-after-grace", 30)),
                        "currency.types.warning.overdue must be 'flag': warnings are never withdrawn automatically"),
                Arguments.of("an unknown overdue policy", withCurrencyType("exercise", policy(12, "withdraw", 30)),
                        "currency.types.exercise.overdue must be 'flag' or 'withdraw-after-grace', not 'withdraw'"),
                Arguments.of("no overdue policy", withCurrencyType("exercise", Json.createObjectBuilder().add("reviewIntervalMonths", 12).build()),
                        "currency.types.exercise.overdue must be a string"),
                Arguments.of("withdrawal without grace days", withCurrencyType("habit", policy(12, "withdraw-after-grace", null)),
                        "currency.types.habit.graceDays must be a whole number of days from 0 to 365"),
                Arguments.of("negative grace days", withCurrencyType("habit", policy(12, "withdraw-after-grace", -1)),
                        "currency.types.habit.graceDays must be a whole number of days from 0 to 365"),
                Arguments.of("grace days under flag", withCurrencyType("condition", policy(12, "flag", 30)),
                        "currency.types.condition.graceDays is only for the policy 'withdraw-after-grace'"),
                Arguments.of("an urgency for a type without", withCurrencyType("exercise", Json.createObjectBuilder(policy(12, "flag", null))
                        .add("reviewIntervalMonthsByUrgency", Json.createObjectBuilder().add("emergency", 6)).build()),
                        "currency.types.exercise.reviewIntervalMonthsByUrgency: only warnings have an urgency"),
                Arguments.of("an unknown urgency", withCurrencyType("warning", Json.createObjectBuilder(policy(12, "flag", null))
                        .add("reviewIntervalMonthsByUrgency", Json.createObjectBuilder().add("asap", 6)).build()),
                        "names an unknown urgency 'asap'"),
                Arguments.of("an urgency interval of 30 months", withCurrencyType("warning", Json.createObjectBuilder(policy(12, "flag", null))
                        .add("reviewIntervalMonthsByUrgency", Json.createObjectBuilder().add("emergency", 30)).build()),
                        "reviewIntervalMonthsByUrgency.emergency must be a whole number of months from 1 to 24"),
                Arguments.of("a negative due-soon window", Json.createObjectBuilder(SHIPPED_JSON).add("currency", Json.createObjectBuilder(SHIPPED_JSON
                        .getJsonObject("currency")).add("dueSoonDays", -1)).build(), "currency.dueSoonDays must be a whole number of days from 0 to 365"),
                Arguments.of("no due-soon window", Json.createObjectBuilder(SHIPPED_JSON).add("currency", Json.createObjectBuilder(SHIPPED_JSON
                        .getJsonObject("currency")).remove("dueSoonDays")).build(), "currency.dueSoonDays must be a whole number"),
                Arguments.of("no currency", Json.createObjectBuilder(SHIPPED_JSON).remove("currency").build(), "currency must be an object"),
                Arguments.of("no approval", Json.createObjectBuilder(SHIPPED_JSON).remove("approval").build(), "approval must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedNamingTheProblem(String what, JsonObject broken, String problem) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WorkflowDefinition.parse(broken), what);
        assertTrue(e.getMessage().startsWith("workflow.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** The shipped file with the transition of one action changed. */
    static JsonObject withTransition(String action, UnaryOperator<JsonObject> change) {
        JsonArrayBuilder transitions = Json.createArrayBuilder();
        for (JsonValue t : SHIPPED_JSON.getJsonArray("transitions")) {
            transitions.add(t.asJsonObject().getString("action").equals(action) ? change.apply(t.asJsonObject()) : t);
        }
        return Json.createObjectBuilder(SHIPPED_JSON).add("transitions", transitions).build();
    }

    /** The shipped file with one type's currency policy replaced (or added). */
    static JsonObject withCurrencyType(String type, JsonObject policy) {
        JsonObject currency = SHIPPED_JSON.getJsonObject("currency");
        return Json.createObjectBuilder(SHIPPED_JSON).add("currency", Json.createObjectBuilder(currency)
                .add("types", Json.createObjectBuilder(currency.getJsonObject("types")).add(type, policy))).build();
    }

    static JsonObject policy(int months, String overdue, Integer graceDays) {
        var b = Json.createObjectBuilder().add("reviewIntervalMonths", months).add("overdue", overdue);
        if (graceDays != null) {
            b.add("graceDays", graceDays);
        }
        return b.build();
    }

    static JsonObject without(String action) {
        JsonArray kept = SHIPPED_JSON.getJsonArray("transitions").stream()
                .filter(t -> !t.asJsonObject().getString("action").equals(action)).collect(Json::createArrayBuilder,
                        JsonArrayBuilder::add, JsonArrayBuilder::addAll).build();
        return Json.createObjectBuilder(SHIPPED_JSON).add("transitions", kept).build();
    }
}
