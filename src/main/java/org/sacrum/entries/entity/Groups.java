package org.sacrum.entries.entity;

/**
 * Bean Validation groups, one per workflow stage. workflow.json names the group each transition is checked in;
 * every transition is also checked in the Default group (is it allowed from this state, by this role).
 */
public final class Groups {
    private Groups() {
    }

    /** Saving a new draft revision. */
    public interface Editing {
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

    public static Class<?> byName(String name) {
        return switch (name) {
            case "Draft" -> Editing.class;
            case "Submission" -> Submission.class;
            case "ChangeRequest" -> ChangeRequest.class;
            case "Approval" -> Approval.class;
            case "Publication" -> Publication.class;
            case "Withdrawal" -> Withdrawal.class;
            default -> throw new IllegalStateException("workflow.json names an unknown validation group: " + name);
        };
    }
}
