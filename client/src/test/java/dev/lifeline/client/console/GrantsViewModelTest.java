package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Console's view of the customer's grants, without a toolkit. */
class GrantsViewModelTest {
    private final FakeSessions.Technician sessions = new FakeSessions.Technician();
    private final ConsoleSessionViewModel session =
            new ConsoleSessionViewModel(dev.lifeline.common.pairing.SessionCode.parse("418290573"), Runnable::run, Clock.systemUTC());

    private FakeHandle joined() {
        session.join(sessions);
        FakeHandle h = sessions.last();
        h.listener.onSecured(PeerInfo.customer("Dana"));
        return h;
    }

    @Test
    void showsGrantsAndAskedAndRequestsWhatIsMissing() {
        FakeHandle h = joined();
        GrantsViewModel grants = session.grants();
        h.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.VIEW_SCREEN, ConsentStatus.GRANTED,
                Capability.CLIPBOARD, ConsentStatus.ASKED), Optional.empty()));
        assertEquals(List.of(Capability.VIEW_SCREEN), grants.granted());
        assertEquals(List.of(Capability.CLIPBOARD), grants.asked());

        grants.request(Capability.CONTROL_INPUT, "to fix it");
        grants.request(Capability.VIEW_SCREEN, "");
        grants.giveUp(Capability.VIEW_SCREEN);
        grants.giveUp(Capability.TRANSFER_FILES);
        assertEquals(List.of("request:[CONTROL_INPUT]:to fix it", "giveUp:VIEW_SCREEN"), h.consentCalls,
                "nothing asked that is granted, nothing given up that is not");
    }

    @Test
    void countsRefusals() {
        FakeHandle h = joined();
        h.listener.onRefused(new Refusal(Capability.TRANSFER_FILES, "FILE_TRANSFER", 3));
        assertEquals(3, session.grants().refusedProperty().get());
        session.endSession();
        grantsIgnoredAfterEnd(h);
    }

    private void grantsIgnoredAfterEnd(FakeHandle h) {
        h.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.CLIPBOARD, ConsentStatus.GRANTED), Optional.empty()));
        assertTrue(session.grants().granted().isEmpty(), "an ended session shows nothing new");
    }
}
