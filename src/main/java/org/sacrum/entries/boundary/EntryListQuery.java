package org.sacrum.entries.boundary;

import org.sacrum.entries.entity.Currency;
import org.sacrum.entries.entity.State;
import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.Paging;
import org.sacrum.platform.entity.PointInTime;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.RangeParam;
import org.sacrum.platform.entity.Violation;

import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The management list's query, ?state=&currency=&search=&page=&size=&asOf=: checked by Bean Validation, then page × size against the depth. */
public class EntryListQuery {
    /** The largest page size of a management list. */
    static final int MAX_SIZE = 500;
    /** The deepest entry a management list reaches: page × size may not exceed this. */
    static final int MAX_DEPTH = 1_000_000;
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SEARCH = 100;

    @QueryParam("state")
    String state;
    @QueryParam("currency")
    String currency;
    @QueryParam("page")
    @IntegerParam
    @RangeParam(min = 1, max = MAX_DEPTH)
    String page;
    @QueryParam("size")
    @IntegerParam
    @RangeParam(min = 1, max = MAX_SIZE)
    String size;

    /** ?search=: entries whose slug contains these characters (any case), for the console's link pickers. */
    @QueryParam("search")
    String search;

    /** ?asOf={instant}: the list as the public saw it then (published entries only), instead of the entries now. */
    @QueryParam("asOf")
    String asOf;

    /** The instant asked for, or null; unparseable, in the future or combined with state, it is a 400 naming asOf. */
    Instant asOf(Instant now) {
        if (asOf == null) {
            return null;
        }
        Violation broken = PointInTime.check("asOf", asOf, now);
        if (broken == null && state != null) {
            broken = new Violation("asOf", "not-with-state", "a list as of an instant holds what was published then: leave out state");
        }
        if (broken != null) {
            throw ProblemException.badRequest("invalid-query", "asOf " + broken.message() + ".", List.of(broken));
        }
        return PointInTime.parse(asOf);
    }

    /** The state asked for, or null for all; an unknown one is a 400 (one-of). */
    State state() {
        return state == null ? null : State.byId(state).orElseThrow(() -> ProblemException.badRequest("invalid-query",
                "Unknown state.", List.of(new Violation("state", "one-of", "must be a workflow state such as draft or in-review"))));
    }

    /** The review currency asked for (published entries only), or null for any; an unknown one is a 400 (one-of). */
    Currency currency() {
        return currency == null ? null : Arrays.stream(Currency.values()).filter(c -> c.id().equals(currency)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("invalid-query", "Unknown review currency.", List.of(new Violation("currency",
                        "one-of", "must be one of current, due-soon, overdue, re-review-pending"))));
    }

    /**
     * The search text, lower-cased, or null; over 100 characters a 400 max-length, with currency or asOf a 400 (the
     * search narrows the plain list only).
     */
    String search() {
        if (search == null || search.isBlank()) {
            return null;
        }
        if (search.length() > MAX_SEARCH) {
            throw ProblemException.badRequest("invalid-query", "search is at most " + MAX_SEARCH + " characters.",
                    List.of(new Violation("search", "max-length", "at most " + MAX_SEARCH + " characters")));
        }
        if (currency != null || asOf != null) {
            throw ProblemException.badRequest("invalid-query", "search narrows the list of current entries: leave out currency and asOf.",
                    List.of(new Violation("search", "not-with-currency", "search cannot be combined with currency or asOf")));
        }
        return search.strip().toLowerCase(java.util.Locale.ROOT);
    }

    int size() {
        return size == null ? DEFAULT_SIZE : Integer.parseInt(size);
    }

    /** The page asked for; past the list's depth (page × size) it is a 400 max-depth, as on the delivery API. */
    int page() {
        int number = page == null ? 1 : Integer.parseInt(page);
        Violation tooDeep = Paging.tooDeep(number, size(), MAX_DEPTH);
        if (tooDeep != null) {
            throw ProblemException.badRequest("invalid-query", tooDeep.message() + ".", List.of(tooDeep));
        }
        return number;
    }
}
