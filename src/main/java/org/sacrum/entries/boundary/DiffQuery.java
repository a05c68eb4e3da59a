package org.sacrum.entries.boundary;

import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.RangeParam;

import jakarta.ws.rs.QueryParam;

/** The revisions a diff compares, ?from=&to=: 1 or more (400 range); a number past the latest revision is a 404 later. */
public class DiffQuery {
    @QueryParam("from")
    @IntegerParam
    @RangeParam(min = 1, max = Integer.MAX_VALUE)
    String from;
    @QueryParam("to")
    @IntegerParam
    @RangeParam(min = 1, max = Integer.MAX_VALUE)
    String to;

    Integer from() {
        return from == null ? null : Integer.valueOf(from);
    }

    Integer to() {
        return to == null ? null : Integer.valueOf(to);
    }
}
