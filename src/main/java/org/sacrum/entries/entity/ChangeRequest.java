package org.sacrum.entries.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A clinician's request for changes to one revision, with a comment per field. */
public record ChangeRequest(
        @NotNull(groups = Groups.ChangeRequest.class) Integer revision,
        @NotEmpty(groups = Groups.ChangeRequest.class) @Size(max = 100, groups = Groups.ChangeRequest.class)
        List<@NotNull(groups = Groups.ChangeRequest.class) @Valid FieldComment> comments) {

    /** "field" names a content field ("steps", "dosage.holdSeconds") or "" for the entry as a whole. */
    public record FieldComment(
            @NotNull(groups = Groups.ChangeRequest.class) @Size(max = 200, groups = Groups.ChangeRequest.class) String field,
            @NotBlank(groups = Groups.ChangeRequest.class) @Size(max = 4000, groups = Groups.ChangeRequest.class) String comment) {
    }
}
