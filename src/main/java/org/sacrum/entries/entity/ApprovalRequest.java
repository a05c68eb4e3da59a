package org.sacrum.entries.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A clinician's approval as sent: the exact revision (number and content hash), the attestation they sign,
 * their printed name, their password again (signature re-authentication) and optionally the next review date.
 */
public record ApprovalRequest(
        @NotNull(groups = Groups.Approval.class) Integer revision,
        @NotBlank(groups = Groups.Approval.class) String contentHash,
        @NotBlank(groups = Groups.Approval.class) @Size(min = 20, max = 2000, groups = Groups.Approval.class) String attestation,
        @NotBlank(groups = Groups.Approval.class) @Size(max = 200, groups = Groups.Approval.class) String printedName,
        @NotBlank(groups = Groups.Approval.class) String password,
        LocalDate nextReviewDue) {

    @Override
    public String toString() { // never log the password
        return "ApprovalRequest[revision=" + revision + ", contentHash=" + contentHash + ", printedName=" + printedName + "]";
    }
}
