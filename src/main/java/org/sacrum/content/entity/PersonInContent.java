package org.sacrum.content.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person named in content, such as a podcast guest (person.schema.json). */
public record PersonInContent(@NotBlank @Size(max = 200) String name,
                              @NotNull PersonRole role,
                              @Size(min = 1, max = 200) String profession,
                              @Size(min = 1, max = 200) String credentials,
                              @Size(min = 1, max = 200) String organisation) {
}
