package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.customer.GetHelpViewModel.Step;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.LinkState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.pairing.SessionCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetHelpViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private GetHelpViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new GetHelpViewModel(sessions, uiQueue::add, Clock.fixed(NOW, ZoneOffset.UTC), "ACME Support");
    }

    /** Events run only when the "FX thread" gets to them, as with Platform.runLater. */
    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }

    private FakeHandle started() {
        vm.customerNameProperty().set("  Bob  ");
        vm.getHelp();
        return sessions.last();
    }

    @Test
    void idleThenConnectingThenWaitingWithTheCode() {
        assertEquals(Step.IDLE, vm.step());
        assertFalse(vm.sessionRunning().get());
        FakeHandle h = started();
        assertEquals("Bob", h.customerName);
        assertEquals(Step.CONNECTING, vm.step());
        assertTrue(vm.sessionRunning().get());

        h.listener.onCodeReady(SessionCode.parse("418290573"), NOW.plusSeconds(600).toEpochMilli());
        assertEquals(Step.CONNECTING, vm.step(), "listener events wait for the UI executor");
        drain();
        assertEquals(Step.WAITING, vm.step());
        assertEquals("418 · 290 573", vm.codeDisplay().get());
        assertEquals("418 · 290 573", vm.codeForClipboard());
        assertEquals(NOW.plusSeconds(600), vm.codeExpiresAtProperty().get());
    }

    @Test
    void theRecordingNoticeWaitsForAnAnswerAndIsPassedOn() {
        FakeHandle h = started();
        h.listener.onRecordingNotice(new dev.lifeline.client.recording.RecordingNoticeInfo("ACME Support", 90, true));
        assertNull(vm.recordingNoticeProperty().get(), "events wait for the UI executor");
        drain();
        assertEquals("ACME Support", vm.recordingNoticeProperty().get().organisation());
        assertFalse(vm.recordedProperty().get());
        vm.acceptRecording();
        assertNull(vm.recordingNoticeProperty().get());
        assertTrue(vm.recordedProperty().get());
        assertEquals(List.of("recording:true"), h.screenCalls);
        vm.acceptRecording();
        assertEquals(List.of("recording:true"), h.screenCalls, "answered once");
    }

    @Test
    void decliningTheRecordingIsPassedOnAndTheNoticeGoes() {
        FakeHandle h = started();
        h.listener.onRecordingNotice(new dev.lifeline.client.recording.RecordingNoticeInfo("ACME Support", 90, false));
        drain();
        vm.declineRecording();
        assertNull(vm.recordingNoticeProperty().get());
        assertFalse(vm.recordedProperty().get());
        assertEquals(List.of("recording:false"), h.screenCalls);
    }

    @Test
    void getHelpTwiceStartsOneSession() {
        started();
        vm.getHelp();
        assertEquals(1, sessions.started.size());
    }

    @Test
    void wrongAttemptShowsAttemptsLeftAndBurnedCodeIsReplaced() {
        FakeHandle h = started();
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        h.listener.onPeerJoined();
        drain();
        assertEquals(Step.VERIFYING, vm.step());
        h.listener.onWrongCodeAttempt(2);
        drain();
        assertEquals(Step.WAITING, vm.step());
        assertEquals(2, vm.wrongAttemptsLeftProperty().get());

        h.listener.onCodeBurned(3);
        drain();
        assertEquals(3, vm.burnedAttemptsProperty().get());
        assertEquals(GetHelpViewModel.NO_WRONG_ATTEMPT, vm.wrongAttemptsLeftProperty().get());
        assertEquals("", vm.codeDisplay().get(), "the burned code is gone at once");

        h.listener.onCodeReady(SessionCode.parse("419 111 222"), 0);
        drain();
        assertEquals(Step.WAITING, vm.step());
        assertEquals("419 · 111 222", vm.codeDisplay().get());
        assertEquals(3, vm.burnedAttemptsProperty().get(), "the notice stays with the new code");
        assertNull(vm.codeExpiresAtProperty().get());
    }

    @Test
    void securedVerifiedTechnicianOpensChat() {
        FakeHandle h = started();
        h.listener.onCodeReady(SessionCode.parse("418290573"), 0);
        assertFalse(vm.chat().canSendProperty().get());
        h.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        drain();
        assertEquals(Step.SECURED, vm.step());
        assertEquals("Alice Meyer", vm.technicianProperty().get().name());
        assertTrue(vm.chat().canSendProperty().get());

        vm.chat().draftProperty().set("  my printer is broken ");
        assertTrue(vm.chat().send());
        assertEquals(List.of("my printer is broken"), h.sent);
        assertEquals(new ChatLine("my printer is broken", NOW, true), vm.chat().lines().get(0));
        assertEquals("", vm.chat().draftProperty().get());

        vm.chat().draftProperty().set("   ");
        assertFalse(vm.chat().send(), "blank lines are not sent");

        h.listener.onChat(new ChatLine("Let me look", NOW.plusSeconds(5), false));
        h.listener.onChat(new ChatLine("my printer is broken", NOW, true));
        drain();
        assertEquals(2, vm.chat().lines().size(), "an echo of our own line is not shown twice");
        assertEquals("Let me look", vm.chat().lines().get(1).text());
    }

    @Test
    void untrustedTechnicianIsKeptForTheWarning() {
        FakeHandle h = started();
        h.listener.onSecured(new PeerInfo("Mallory", "Evil Corp", PeerInfo.Trust.UNTRUSTED, "chain does not end at pinned root"));
        drain();
        assertEquals(Step.SECURED, vm.step());
        assertEquals(PeerInfo.Trust.UNTRUSTED, vm.technicianProperty().get().trust());
        assertEquals("chain does not end at pinned root", vm.technicianProperty().get().trustDetail());
        assertEquals("ACME Support", vm.pinnedOrganisation());
    }

    @Test
    void linkStateFollowsTheSession() {
        FakeHandle h = started();
        h.listener.onLinkState(LinkState.PEER_AWAY);
        drain();
        assertEquals(LinkState.PEER_AWAY, vm.linkStateProperty().get());
        h.listener.onLinkState(LinkState.CONNECTED);
        drain();
        assertEquals(LinkState.CONNECTED, vm.linkStateProperty().get());
    }

    @Test
    void endSessionEndsAndGetHelpAgainStartsFresh() {
        FakeHandle h = started();
        h.listener.onSecured(new PeerInfo("Alice", "ACME", PeerInfo.Trust.VERIFIED, ""));
        h.listener.onChat(new ChatLine("hi", NOW, false));
        drain();
        vm.endSession();
        drain();
        assertTrue(h.ended);
        assertEquals(Step.ENDED, vm.step());
        assertEquals(SessionEnd.Reason.ENDED_BY_ME, vm.endProperty().get().reason());
        assertFalse(vm.chat().canSendProperty().get());
        assertFalse(vm.sessionRunning().get());

        vm.getHelpAgain();
        assertEquals(2, sessions.started.size());
        assertEquals(Step.CONNECTING, vm.step());
        assertTrue(vm.chat().lines().isEmpty());
        assertNull(vm.technicianProperty().get());

        h.listener.onChat(new ChatLine("late line from the old session", NOW, false));
        h.listener.onEnded(new SessionEnd(SessionEnd.Reason.CONNECTION_LOST, ""));
        drain();
        assertEquals(Step.CONNECTING, vm.step(), "events of the old session are ignored");
        assertTrue(vm.chat().lines().isEmpty());
    }

    @Test
    void peerEndingTheSessionShowsTheReason() {
        FakeHandle h = started();
        h.listener.onEnded(new SessionEnd(SessionEnd.Reason.CODE_EXPIRED, ""));
        drain();
        assertEquals(Step.ENDED, vm.step());
        assertEquals(SessionEnd.Reason.CODE_EXPIRED, vm.endProperty().get().reason());
    }

    @Test
    void aServiceThatThrowsEndsWithRelayError() {
        GetHelpViewModel broken = new GetHelpViewModel((name, l) -> {
            throw new IllegalStateException("no network");
        }, Runnable::run);
        broken.getHelp();
        assertEquals(Step.ENDED, broken.step());
        assertEquals(SessionEnd.Reason.RELAY_ERROR, broken.endProperty().get().reason());
    }
}
