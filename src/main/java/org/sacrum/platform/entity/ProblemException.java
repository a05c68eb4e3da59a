package org.sacrum.platform.entity;

import java.util.List;

/** Thrown anywhere to answer the request with a problem+json response; rolls back the transaction. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, 0);
    }

    private ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for a Retry-After header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429 with Retry-After: too many failed password checks for this account. */
    public static ProblemException throttled(long retryAfterSeconds, String detail) {
        return new ProblemException(Problem.throttled(detail), retryAfterSeconds);
    }

    /** 401 with a WWW-Authenticate challenge: this needs a signed-in caller. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.unauthenticated(detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail, null));
    }

    public static ProblemException badRequest(String type, String detail, List<Violation> violations) {
        return new ProblemException(Problem.of(400, type, "Bad request", detail, violations));
    }

    public static ProblemException unprocessable(String type, String detail, List<Violation> violations) {
        return new ProblemException(Problem.of(422, type, "Unprocessable content", detail, violations));
    }

    public static ProblemException conflict(String type, String detail, List<Violation> violations) {
        return new ProblemException(Problem.of(409, type, "Conflict", detail, violations));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.forbidden(detail));
    }

    public static ProblemException payloadTooLarge(String type, String detail, List<Violation> violations) {
        return new ProblemException(Problem.of(413, type, "Content too large", detail, violations));
    }
}
