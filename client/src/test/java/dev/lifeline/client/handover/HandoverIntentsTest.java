package dev.lifeline.client.handover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HandoverIntentsTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void onlyWhatTheTechnicianAnnouncedAndOnlyOnce() {
        HandoverIntents intents = new HandoverIntents(clock);
        assertFalse(intents.consume(HandoverEvent.Kind.TRANSFER, "Bob Stone"), "nothing announced");
        intents.announced(HandoverEvent.Kind.TRANSFER, "Bob Stone");
        assertFalse(intents.consume(HandoverEvent.Kind.TRANSFER, "Mallory"), "another name");
        assertFalse(intents.consume(HandoverEvent.Kind.WATCH, "Bob Stone"), "another kind");
        assertTrue(intents.consume(HandoverEvent.Kind.TRANSFER, "Bob Stone"));
        assertFalse(intents.consume(HandoverEvent.Kind.TRANSFER, "Bob Stone"), "used up");
    }

    @Test
    void intentsExpireAndAreBounded() {
        HandoverIntents intents = new HandoverIntents(clock);
        intents.announced(HandoverEvent.Kind.WATCH, "Bob Stone");
        now = now.plus(Duration.ofMinutes(4));
        assertFalse(intents.consume(HandoverEvent.Kind.WATCH, "Bob Stone"), "expired");
        for (int i = 0; i < 10; i++) {
            intents.announced(HandoverEvent.Kind.WATCH, "T" + i);
        }
        assertFalse(intents.consume(HandoverEvent.Kind.WATCH, "T0"), "the oldest fell out");
        assertTrue(intents.consume(HandoverEvent.Kind.WATCH, "T9"));
        intents.announced(HandoverEvent.Kind.WATCH, "x".repeat(101));
        assertFalse(intents.consume(HandoverEvent.Kind.WATCH, "x".repeat(101)), "names are bounded");
    }
}
