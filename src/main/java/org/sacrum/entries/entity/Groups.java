package org.sacrum.entries.entity;

import jakarta.validation.groups.Default;

import java.util.Optional;

/**
 * Bean Validation groups, one per workflow stage. workflow.json names the group each action is checked in
 * ("Default" for none beyond state and role); every transition is also checked in {@link Caller} (may this caller
 * take the action at all) and the Default group (is it allowed from this state).
 */
public final class Groups {
    private Groups() {
    }

    /** Whether the caller's roles allow the action: judged first, before the entry is read. */
    public interface Caller {
    }

    /** Submitting for clinical review: the content must be complete and its links must resolve. */
    public interface Submission {
    }

    /** A clinician sending a revision back with comments. */
    public interface ChangeRequest {
    }

    /** A clinician's signed approval of one exact revision. */
    public interface Approval {
    }

    /** Making the approved revision what the public sees. */
    public interface Publication {
    }

    /** Unpublishing or archiving. */
    public interface Withdrawal {
    }

    /** The stage group workflow.json names, if there is one by that name. */
    public static Optional<Class<?>> byName(String name) {
        return Optional.ofNullable(switch (name) {
            case "Default" -> Default.class;
            case "Submission" -> Submission.class;
            case "ChangeRequest" -> ChangeRequest.class;
            case "Approval" -> Approval.class;
            case "Publication" -> Publication.class;
            case "Withdrawal" -> Withdrawal.class;
            default -> null;
        });
    }
}
