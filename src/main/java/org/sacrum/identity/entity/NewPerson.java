package org.sacrum.identity.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An admin's request to add a person. Clinicians must come with profession and registration. */
public record NewPerson(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$", message = "must be 3-64 lower-case letters, digits, dots, dashes or underscores") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
        @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = "author|clinician|publisher|admin", message = "must be author, clinician, publisher or admin") String> roles,
        @Size(min = 1, max = 120) String profession,
        @Size(min = 1, max = 120) String registrationBody,
        @Size(min = 1, max = 64) String registrationNumber) {

    @jakarta.json.bind.annotation.JsonbTransient
    @jakarta.validation.constraints.AssertTrue(message = "a clinician needs profession, registrationBody and registrationNumber")
    public boolean isClinicianCredentialed() {
        return roles == null || !roles.contains("clinician")
                || (profession != null && registrationBody != null && registrationNumber != null);
    }

    @Override
    public String toString() {
        return "NewPerson[" + username + "]";
    }
}
