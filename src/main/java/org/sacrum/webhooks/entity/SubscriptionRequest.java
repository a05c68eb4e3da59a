package org.sacrum.webhooks.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An admin's webhook subscription (create or replace): URL, event types, content types (empty: all), enabled. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String url,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "entry\\.(published|withdrawn|re-review-pending|review-due|schedule-failed)",
                message = "must be entry.published, entry.withdrawn, entry.re-review-pending, entry.review-due or entry.schedule-failed") String> events,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "must be a content type id") String> contentTypes,
        Boolean enabled) {
}
