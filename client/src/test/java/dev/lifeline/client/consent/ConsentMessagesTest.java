package dev.lifeline.client.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.CapabilityConsent;
import dev.lifeline.common.wire.e2e.ConsentState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsentMessagesTest {
    @Test
    void everyCapabilityRoundTrips() {
        for (Capability capability : Capability.values()) {
            assertEquals(capability, ConsentMessages.fromWire(ConsentMessages.toWire(capability)).orElseThrow());
        }
        assertTrue(ConsentMessages.fromWire(dev.lifeline.common.wire.e2e.Capability.CAPABILITY_UNSPECIFIED).isEmpty());
    }

    @Test
    void snapshotRoundTripsWithItsLastChange() {
        ConsentLedger ledger = new ConsentLedger(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        ledger.request(Capability.CLIPBOARD);
        ledger.grant(Capability.CLIPBOARD);
        ledger.request(Capability.TRANSFER_FILES);
        ledger.deny(Capability.TRANSFER_FILES);
        ledger.request(Capability.CONTROL_INPUT);
        ConsentSnapshot back = ConsentMessages.fromWire(ConsentMessages.toWire(ledger.snapshot()));
        assertEquals(ledger.snapshot(), back);
        assertEquals(ConsentEvent.Kind.ASKED, back.lastChange().orElseThrow().kind());
    }

    @Test
    void unknownAndOverlongStatesAreBounded() {
        ConsentState.Builder state = ConsentState.newBuilder();
        for (int i = 0; i < 10_000; i++) {
            state.addCapabilities(CapabilityConsent.newBuilder()
                    .setCapability(dev.lifeline.common.wire.e2e.Capability.CLIPBOARD)
                    .setStatus(i < 5 ? dev.lifeline.common.wire.e2e.ConsentStatus.CONSENT_GRANTED
                            : dev.lifeline.common.wire.e2e.ConsentStatus.CONSENT_DENIED));
        }
        state.addCapabilities(CapabilityConsent.newBuilder().setCapabilityValue(99));
        ConsentSnapshot snapshot = ConsentMessages.fromWire(state.build());
        assertEquals(ConsentStatus.DENIED, snapshot.status(Capability.CLIPBOARD), "only the first entries are read");
        assertEquals(ConsentStatus.NONE, snapshot.status(Capability.CONTROL_INPUT));
        assertTrue(snapshot.lastChange().isEmpty());
    }
}
