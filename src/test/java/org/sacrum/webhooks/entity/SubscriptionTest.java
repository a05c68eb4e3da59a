package org.sacrum.webhooks.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SubscriptionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void hearsItsEventTypesForItsContentTypesWhileEnabled() {
        Subscription s = new Subscription("https://hooks.example.org/a", Set.of("entry.published"), Set.of("warning"), true, NOW);
        assertTrue(s.wants(EventType.PUBLISHED, "warning"));
        assertFalse(s.wants(EventType.PUBLISHED, "exercise"));
        assertFalse(s.wants(EventType.WITHDRAWN, "warning"));
        Subscription all = new Subscription("https://hooks.example.org/b", Set.of("entry.withdrawn"), Set.of(), true, NOW);
        assertTrue(all.wants(EventType.WITHDRAWN, "exercise"), "no content types: all");
        all.disable("the receiver answered 410 Gone", NOW);
        assertFalse(all.wants(EventType.WITHDRAWN, "exercise"));
        all.change(all.url(), Set.copyOf(all.eventTypes()), Set.of(), true, NOW);
        assertTrue(all.wants(EventType.WITHDRAWN, "exercise"));
        assertNull(all.disabledReason(), "enabling again clears the reason");
    }

    @Test
    void aRotatedOutSecretSignsUntilTheOverlapEnds() {
        Subscription s = new Subscription("https://hooks.example.org/a", Set.of("entry.published"), Set.of(), true, NOW);
        String first = s.secret();
        assertEquals(List.of(first), s.signingSecrets(NOW));
        String second = s.rotate(NOW);
        assertNotEquals(first, second);
        assertEquals(List.of(second, first), s.signingSecrets(NOW.plusSeconds(60)));
        assertEquals(List.of(second), s.signingSecrets(NOW.plus(Subscription.ROTATION_OVERLAP)));
    }

    @Test
    void aDeliveryIsPendingUntilDeliveredOrOutOfRetries() {
        OutboxEvent event = new OutboxEvent(7, EventType.PUBLISHED, "e1", "warning", "w", "en-GB", NOW, "{}");
        Delivery d = Delivery.toSubscription(8, event, "s1", NOW);
        assertEquals(Delivery.PENDING, d.status());
        d.attempted(503, "HTTP 503", false, NOW.plusSeconds(30), NOW);
        assertEquals(Delivery.PENDING, d.status());
        assertEquals(NOW.plusSeconds(30), d.nextAttemptAt());
        d.attempted(404, "HTTP 404", false, null, NOW);
        assertEquals(Delivery.FAILED, d.status());
        assertEquals(2, d.attempts());
        d.redeliver(NOW.plusSeconds(5));
        assertEquals(Delivery.PENDING, d.status());
        d.attempted(200, null, true, null, NOW);
        assertEquals(Delivery.DELIVERED, d.status());
        assertEquals("edge", Delivery.toEdge(9, event, "http://varnish:6081/", NOW).kind());
    }
}
