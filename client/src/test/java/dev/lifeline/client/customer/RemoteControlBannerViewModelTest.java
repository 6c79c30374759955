package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.control.ControlStatus;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Get Help's remote-control banner and panic action, without a toolkit. */
class RemoteControlBannerViewModelTest {
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private GetHelpViewModel vm;
    private RemoteControlBannerViewModel control;
    private FakeHandle handle;

    @BeforeEach
    void setUp() {
        vm = new GetHelpViewModel(sessions, uiQueue::add, Clock.systemUTC(), "ACME Support");
        control = vm.control();
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

    @Test
    void theBannerFollowsTheGrantAndThePanicGoesToTheSession() {
        assertFalse(control.granted().get());
        handle.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.CONTROL_INPUT, ConsentStatus.GRANTED), Optional.empty()));
        handle.listener.onControlStatus(new ControlStatus(ControlStatus.State.READY, null, "", 0));
        drain();
        assertTrue(control.granted().get());
        assertEquals(ControlStatus.State.READY, control.statusProperty().get().state());

        control.panicKey("Ctrl+Alt+Shift+End", "");
        assertEquals("Ctrl+Alt+Shift+End", control.panicKeyProperty().get());
        assertEquals("", control.panicKeyUnavailableProperty().get());
        control.panic();
        assertEquals(List.of("panic"), handle.controlCalls);

        handle.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.CONTROL_INPUT, ConsentStatus.REVOKED), Optional.empty()));
        drain();
        assertFalse(control.granted().get());
    }

    @Test
    void afterTheSessionThePanicDoesNothing() {
        handle.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        drain();
        control.panic();
        assertTrue(handle.controlCalls.isEmpty());
        assertEquals(ControlStatus.State.OFF, control.statusProperty().get().state());
    }
}
