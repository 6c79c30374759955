package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Get Help's consent view model without a toolkit: events go through a hand-drained queue. */
class ConsentViewModelTest {
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private GetHelpViewModel vm;
    private ConsentViewModel consent;
    private FakeHandle handle;

    @BeforeEach
    void setUp() {
        vm = new GetHelpViewModel(sessions, uiQueue::add, Clock.systemUTC(), "ACME Support");
        consent = vm.consent();
        vm.getHelp();
        handle = sessions.last();
        handle.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        drain();
    }

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }

    private static ConsentSnapshot snapshot(Map<Capability, ConsentStatus> statuses) {
        return new ConsentSnapshot(statuses, Optional.empty());
    }

    @Test
    void allowGrantsEveryCapabilityAsked() {
        handle.listener.onConsentRequested(new ConsentPrompt(Set.of(Capability.CLIPBOARD, Capability.CONTROL_INPUT), "printer"));
        drain();
        assertEquals("printer", consent.promptProperty().get().reason());
        consent.allow();
        assertNull(consent.promptProperty().get());
        assertEquals(Set.of("grant:CLIPBOARD", "grant:CONTROL_INPUT"), Set.copyOf(handle.consentCalls));
    }

    @Test
    void denyDeniesEveryCapabilityAsked() {
        handle.listener.onConsentRequested(new ConsentPrompt(Set.of(Capability.TRANSFER_FILES), ""));
        drain();
        consent.deny();
        assertEquals(List.of("deny:TRANSFER_FILES"), handle.consentCalls);
        consent.deny();
        assertEquals(1, handle.consentCalls.size(), "a second click answers nothing");
    }

    @Test
    void chipsFollowTheGrantsAndRevokeIsOneCall() {
        handle.listener.onConsentChanged(snapshot(Map.of(Capability.CONTROL_INPUT, ConsentStatus.GRANTED,
                Capability.CLIPBOARD, ConsentStatus.DENIED)));
        drain();
        assertEquals(List.of(Capability.CONTROL_INPUT), consent.granted());
        consent.revoke(Capability.CONTROL_INPUT);
        assertTrue(consent.granted().isEmpty(), "the chip goes at once");
        assertEquals(List.of("revoke:CONTROL_INPUT"), handle.consentCalls);
        consent.revoke(Capability.CONTROL_INPUT);
        assertEquals(1, handle.consentCalls.size());
    }

    @Test
    void listenersOnTheGrantsSurviveGarbageCollection() {
        // The chips listen to granted(); a throw-away wrapper per call was collected in the real app.
        int[] changes = {0};
        consent.granted().addListener((javafx.collections.ListChangeListener<Capability>) c -> changes[0]++);
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        handle.listener.onConsentChanged(snapshot(Map.of(Capability.CLIPBOARD, ConsentStatus.GRANTED)));
        drain();
        assertEquals(1, changes[0], "the chips heard about the grant");
    }

    @Test
    void aQuestionWithdrawnByTheTechnicianCloses() {
        handle.listener.onConsentRequested(new ConsentPrompt(Set.of(Capability.RUN_DIAGNOSTICS), ""));
        handle.listener.onConsentChanged(snapshot(Map.of(Capability.RUN_DIAGNOSTICS, ConsentStatus.REVOKED)));
        drain();
        assertNull(consent.promptProperty().get());
    }

    @Test
    void refusalsAreCountedAndTheSessionEndClearsAll() {
        handle.listener.onRefused(new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 1));
        handle.listener.onRefused(new Refusal(Capability.CLIPBOARD, "CLIPBOARD", 2));
        handle.listener.onConsentChanged(snapshot(Map.of(Capability.CLIPBOARD, ConsentStatus.GRANTED)));
        drain();
        assertEquals(2, consent.refusedProperty().get());
        handle.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        drain();
        vm.getHelpAgain();
        assertEquals(0, consent.refusedProperty().get());
        assertTrue(consent.granted().isEmpty());
    }
}
