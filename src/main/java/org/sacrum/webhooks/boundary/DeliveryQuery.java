package org.sacrum.webhooks.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.sacrum.platform.entity.IntegerParam;
import org.sacrum.platform.entity.Paging;
import org.sacrum.platform.entity.RangeParam;

/** A page of deliveries, newest first: ?status=pending|delivered|failed&before={id}&limit={1..1000}. */
public class DeliveryQuery {
    @QueryParam("status")
    @Pattern(regexp = "pending|delivered|failed", message = "must be pending, delivered or failed")
    String status;
    @QueryParam("before")
    @IntegerParam
    @RangeParam(min = 0, max = Long.MAX_VALUE)
    String before;
    @QueryParam("limit")
    @IntegerParam
    @RangeParam(min = 1, max = Paging.MAX_LIMIT)
    String limit;

    String status() {
        return status;
    }

    long before() {
        return before == null ? 0 : Long.parseLong(before);
    }

    int limit() {
        return limit == null ? Paging.DEFAULT_LIMIT : Integer.parseInt(limit);
    }
}
