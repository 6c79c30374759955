package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreenSharingViewModelTest {
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private GetHelpViewModel vm;
    private ScreenSharingViewModel screen;
    private FakeHandle handle;

    @BeforeEach
    void setUp() {
        vm = new GetHelpViewModel(sessions, uiQueue::add, Clock.systemUTC(), "ACME Support");
        screen = vm.screen();
        vm.getHelp();
        handle = sessions.last();
    }

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }

    private void secured() {
        handle.listener.onSecured(new PeerInfo("Alice Meyer", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        drain();
    }

    @Test
    void requestAsksAndAllowAnswersYes() {
        secured();
        handle.listener.onScreenRequested();
        assertFalse(screen.askingProperty().get(), "waits for the UI thread");
        drain();
        assertTrue(screen.askingProperty().get());
        screen.allow();
        assertEquals(List.of("answer:true"), handle.screenCalls);
        assertFalse(screen.askingProperty().get());
        screen.allow();
        assertEquals(1, handle.screenCalls.size(), "one answer per question");

        handle.sharing(FakeSessions.monitor(0, 1920, 1080));
        drain();
        assertTrue(screen.shared().get());
    }

    @Test
    void dontAllowAnswersNoAndShowsANotice() {
        secured();
        handle.listener.onScreenRequested();
        drain();
        screen.deny();
        assertEquals(List.of("answer:false"), handle.screenCalls);
        assertEquals(Status.DENIED, screen.status());
        assertTrue(screen.noticeShown().get());
        screen.dismissNotice();
        assertEquals(Status.OFF, screen.status());
    }

    @Test
    void pauseResumeStopWhileSharing() {
        secured();
        screen.pause();
        assertTrue(handle.screenCalls.isEmpty(), "nothing to pause");
        handle.sharing(FakeSessions.monitor(0, 1920, 1080));
        drain();
        screen.pause();
        assertEquals(Status.PAUSED, screen.status());
        assertTrue(screen.shared().get(), "the banner stays while paused");
        screen.pause();
        screen.resume();
        assertEquals(Status.SHARING, screen.status());
        screen.stop();
        assertEquals(List.of("pause", "resume", "stop"), handle.screenCalls);
        assertEquals(Status.STOPPED, screen.status());
        assertFalse(screen.shared().get());
        assertTrue(screen.noticeShown().get());
    }

    @Test
    void aWithdrawnRequestOrTheEndClosesEverything() {
        secured();
        handle.listener.onScreenRequested();
        handle.screenState(Status.STOPPED, "");
        drain();
        assertFalse(screen.askingProperty().get());

        handle.listener.onScreenRequested();
        handle.screenState(Status.UNAVAILABLE, "Wayland");
        drain();
        assertEquals("Wayland", screen.detailProperty().get());

        handle.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        drain();
        assertEquals(Status.OFF, screen.status());
        assertFalse(screen.askingProperty().get());
        screen.allow();
        assertTrue(handle.screenCalls.isEmpty());
    }

    @Test
    void noQuestionBeforeTheSessionIsSecured() {
        handle.listener.onScreenRequested();
        drain();
        assertFalse(screen.askingProperty().get());
    }
}
