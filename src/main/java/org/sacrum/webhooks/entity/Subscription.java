package org.sacrum.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.sacrum.platform.entity.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An admin's webhook: where to POST, which event types, optionally which content types (empty: all), and the
 * signing secret; after a rotation the previous secret keeps signing too until {@code previousSecretUntil}.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {
    /** How long a rotated-out secret still signs: receivers switch over within it. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    @Id
    private String id;
    private String url;
    @Column(name = "event_types")
    private String eventTypes;
    @Column(name = "content_types")
    private String contentTypes;
    private boolean enabled;
    @Column(name = "disabled_reason")
    private String disabledReason;
    private String secret;
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(String url, Set<String> eventTypes, Set<String> contentTypes, boolean enabled, Instant now) {
        this.id = Ids.next();
        this.secret = WebhookSecret.generate();
        this.createdAt = now;
        change(url, eventTypes, contentTypes, enabled, now);
    }

    public void change(String url, Set<String> eventTypes, Set<String> contentTypes, boolean enabled, Instant now) {
        this.url = url;
        this.eventTypes = String.join(",", new TreeSet<>(eventTypes));
        this.contentTypes = contentTypes == null || contentTypes.isEmpty() ? null : String.join(",", new TreeSet<>(contentTypes));
        if (enabled && !this.enabled) {
            this.disabledReason = null;
        }
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** A new secret; the current one keeps signing for {@link #ROTATION_OVERLAP}. */
    public String rotate(Instant now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(ROTATION_OVERLAP);
        secret = WebhookSecret.generate();
        updatedAt = now;
        return secret;
    }

    /** The receiver answered 410 Gone: nothing more is sent until an admin enables it again. */
    public void disable(String reason, Instant now) {
        enabled = false;
        disabledReason = reason;
        updatedAt = now;
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one within its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public boolean wants(EventType type, String contentType) {
        return enabled && eventTypes().contains(type.id()) && (contentTypes == null || contentTypes().contains(contentType));
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    public List<String> contentTypes() {
        return contentTypes == null ? List.of() : Arrays.asList(contentTypes.split(","));
    }

    public boolean enabled() {
        return enabled;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public String secret() {
        return secret;
    }

    public Instant previousSecretUntil() {
        return previousSecret == null ? null : previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
