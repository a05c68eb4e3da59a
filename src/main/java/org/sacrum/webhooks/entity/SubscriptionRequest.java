package org.sacrum.webhooks.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An admin's webhook subscription (create or replace): URL, event types, content types (empty: all), enabled. Event and
 * content types are checked against {@link EventType} and the content model by Subscriptions, their one source.
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String url,
        @NotEmpty @Size(max = 10) List<@NotNull @Size(max = 40) String> events,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z-]{0,39}", message = "must be a content type id") String> contentTypes,
        Boolean enabled) {
}
