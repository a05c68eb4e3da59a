package org.sacrum.delivery.boundary;

import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.Paging;
import org.sacrum.platform.entity.RangeParam;

import jakarta.ws.rs.QueryParam;

/** The change feed's query, ?since={cursor}&limit={n}: the cursor is 0 or a previous answer's "next"; limit 1 to 1000. */
public class ChangeFeedQuery {
    @QueryParam("since")
    @IntegerParam
    @RangeParam(min = 0, max = Long.MAX_VALUE)
    String since;
    @QueryParam("limit")
    @IntegerParam
    @RangeParam(min = 1, max = Paging.MAX_LIMIT)
    String limit;

    long since() {
        return since == null ? 0 : Long.parseLong(since);
    }

    int limit() {
        return limit == null ? Paging.DEFAULT_LIMIT : Integer.parseInt(limit);
    }
}
