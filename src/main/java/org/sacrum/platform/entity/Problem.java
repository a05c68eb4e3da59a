package org.sacrum.platform.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** An RFC 9457 problem detail, extended with the list of rules the request broke. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String slugType, String title, String detail, List<Violation> violations) {
        return new Problem("https://sacrum.dev/problems/" + slugType, title, status, detail, null,
                violations == null || violations.isEmpty() ? null : List.copyOf(violations));
    }

    /** 401: nobody is signed in, or the credentials sent are bad. */
    public static Problem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Unauthorized", detail, null);
    }

    /** 403: signed in, but not allowed this. */
    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail, null);
    }

    /** 429: too many failed password checks for one account. */
    public static Problem throttled(String detail) {
        return of(429, "throttled", "Too many requests", detail, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
