package org.sacrum.platform;

import java.util.List;

/** Thrown anywhere to answer the request with a problem+json response; rolls back the transaction. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail, null));
    }

    public static ProblemException payloadTooLarge(String type, String detail, List<Violation> violations) {
        return new ProblemException(Problem.of(413, type, "Content too large", detail, violations));
    }
}
