package dev.lifeline.common.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.consent.ConsentEvent.Actor;
import dev.lifeline.common.consent.ConsentEvent.Kind;
import dev.lifeline.common.consent.ConsentException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

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

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final HandClock clock = new HandClock();
    private final List<ConsentEvent> observed = new ArrayList<>();
    private final ConsentLedger ledger = new ConsentLedger(clock, observed::add);

    private static final Capability CONTROL = Capability.CONTROL_INPUT;

    private Reason failure(Runnable transition) {
        return assertThrows(ConsentException.class, transition::run).reason();
    }

    @Test
    void everythingStartsWithNothingGranted() {
        for (Capability capability : Capability.values()) {
            assertEquals(ConsentStatus.NONE, ledger.status(capability));
            assertFalse(ledger.isGranted(capability));
        }
        assertTrue(ledger.snapshot().granted().isEmpty());
        assertTrue(ledger.snapshot().lastChange().isEmpty());
        assertTrue(ledger.events().isEmpty());
    }

    @Test
    void requestThenGrant() {
        ledger.request(CONTROL);
        assertEquals(ConsentStatus.ASKED, ledger.status(CONTROL));
        assertFalse(ledger.isGranted(CONTROL), "asked is not granted");
        ledger.grant(CONTROL);
        assertTrue(ledger.isGranted(CONTROL));
        assertEquals(Set.of(CONTROL), ledger.snapshot().granted());
        assertEquals(List.of(
                new ConsentEvent(CONTROL, Kind.ASKED, Actor.TECHNICIAN, clock.now),
                new ConsentEvent(CONTROL, Kind.GRANTED, Actor.CUSTOMER, clock.now)), ledger.events());
        assertEquals(ledger.events(), observed);
        assertEquals(Kind.GRANTED, ledger.snapshot().lastChange().orElseThrow().kind());
    }

    @Test
    void requestThenDeny() {
        ledger.request(CONTROL);
        ledger.deny(CONTROL);
        assertEquals(ConsentStatus.DENIED, ledger.status(CONTROL));
        assertEquals(1, ledger.denials(CONTROL));
        assertEquals(Kind.DENIED, ledger.events().get(1).kind());
    }

    @Test
    void grantedCanBeRevokedByEitherSideAndAskedAgain() {
        ledger.request(CONTROL);
        ledger.grant(CONTROL);
        ledger.revoke(CONTROL, Actor.CUSTOMER);
        assertEquals(ConsentStatus.REVOKED, ledger.status(CONTROL));
        assertFalse(ledger.isGranted(CONTROL));
        ledger.request(CONTROL);
        ledger.grant(CONTROL);
        ledger.revoke(CONTROL, Actor.TECHNICIAN);
        assertEquals(new ConsentEvent(CONTROL, Kind.REVOKED, Actor.TECHNICIAN, clock.now), ledger.events().get(5));
        assertEquals(0, ledger.denials(CONTROL), "a revocation is not a denial");
    }

    @Test
    void pendingRequestCanBeWithdrawn() {
        ledger.request(CONTROL);
        ledger.revoke(CONTROL, Actor.CUSTOMER_APP);
        assertEquals(ConsentStatus.REVOKED, ledger.status(CONTROL));
    }

    @Test
    void illegalTransitionsAreTypedAndChangeNothing() {
        assertEquals(Reason.NOT_ASKED, failure(() -> ledger.grant(CONTROL)));
        assertEquals(Reason.NOT_ASKED, failure(() -> ledger.deny(CONTROL)));
        assertEquals(Reason.NOT_GRANTED, failure(() -> ledger.revoke(CONTROL, Actor.CUSTOMER)));
        ledger.request(CONTROL);
        assertEquals(Reason.ALREADY_ASKED, failure(() -> ledger.request(CONTROL)));
        ledger.grant(CONTROL);
        assertEquals(Reason.ALREADY_GRANTED, failure(() -> ledger.request(CONTROL)));
        assertEquals(Reason.ALREADY_GRANTED, failure(() -> ledger.grant(CONTROL)));
        assertEquals(Reason.ALREADY_GRANTED, failure(() -> ledger.deny(CONTROL)));
        ledger.revoke(CONTROL, Actor.CUSTOMER);
        assertEquals(Reason.NOT_GRANTED, failure(() -> ledger.revoke(CONTROL, Actor.CUSTOMER)));
        assertEquals(Reason.NOT_ASKED, failure(() -> ledger.grant(CONTROL)), "a revoked grant needs a new request");
        assertEquals(3, ledger.events().size());
        ConsentException e = assertThrows(ConsentException.class, () -> ledger.deny(Capability.CLIPBOARD));
        assertEquals(Capability.CLIPBOARD, e.capability());
    }

    @Test
    void capabilitiesAreIndependent() {
        ledger.request(CONTROL);
        ledger.grant(CONTROL);
        assertEquals(ConsentStatus.NONE, ledger.status(Capability.TRANSFER_FILES));
        ledger.request(Capability.TRANSFER_FILES);
        ledger.deny(Capability.TRANSFER_FILES);
        assertTrue(ledger.isGranted(CONTROL));
        assertEquals(0, ledger.denials(CONTROL));
    }

    @Test
    void aDenialBlocksTheSameRequestForTenSeconds() {
        ledger.request(CONTROL);
        ledger.deny(CONTROL);
        clock.advance(ConsentLedger.ASK_AGAIN_AFTER_DENIAL.minusMillis(1));
        assertEquals(Reason.ASKED_TOO_SOON, failure(() -> ledger.request(CONTROL)));
        assertEquals(ConsentStatus.DENIED, ledger.status(CONTROL));
        assertEquals(Kind.REQUEST_REFUSED, ledger.events().get(2).kind());
        assertEquals(Actor.CUSTOMER_APP, ledger.events().get(2).actor());
        ledger.request(Capability.CLIPBOARD); // another capability may be asked meanwhile
        clock.advance(Duration.ofMillis(1));
        ledger.request(CONTROL);
        assertEquals(ConsentStatus.ASKED, ledger.status(CONTROL));
    }

    @Test
    void afterThreeDenialsNoMoreRequests() {
        for (int i = 0; i < ConsentLedger.MAX_DENIALS; i++) {
            ledger.request(CONTROL);
            ledger.deny(CONTROL);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(Reason.TOO_MANY_DENIALS, failure(() -> ledger.request(CONTROL)));
        clock.advance(Duration.ofHours(1));
        assertEquals(Reason.TOO_MANY_DENIALS, failure(() -> ledger.request(CONTROL)));
        assertEquals(ConsentStatus.DENIED, ledger.status(CONTROL));
    }

    @Test
    void timelineIsBounded() {
        for (int i = 0; i < ConsentLedger.MAX_EVENTS; i++) {
            ledger.request(CONTROL);
            ledger.revoke(CONTROL, Actor.TECHNICIAN);
        }
        List<ConsentEvent> events = ledger.events();
        assertEquals(ConsentLedger.MAX_EVENTS, events.size());
        assertEquals(Kind.REVOKED, events.get(events.size() - 1).kind());
        assertEquals(2 * ConsentLedger.MAX_EVENTS, observed.size(), "the observer sees every event");
    }
}
