package org.sacrum.audit.boundary;

import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.Paging;
import org.sacrum.platform.entity.RangeParam;

import jakarta.ws.rs.QueryParam;

/** A page of the audit log, ?after={id}&limit={n}: records after that id (0: from the start), limit 1 to 1000. */
public class AuditQuery {
    @QueryParam("after")
    @IntegerParam
    @RangeParam(min = 0, max = Long.MAX_VALUE)
    String after;
    @QueryParam("limit")
    @IntegerParam
    @RangeParam(min = 1, max = Paging.MAX_LIMIT)
    String limit;

    long after() {
        return after == null ? 0 : Long.parseLong(after);
    }

    int limit() {
        return limit == null ? Paging.DEFAULT_LIMIT : Integer.parseInt(limit);
    }
}
