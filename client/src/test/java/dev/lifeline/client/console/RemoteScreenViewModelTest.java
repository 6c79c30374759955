package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteScreenViewModelTest {
    private final FakeSessions.Identities identities = new FakeSessions.Identities();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private FakeHandle handle;
    private RemoteScreenViewModel screen;

    @BeforeEach
    void joined() {
        ConsoleViewModel console = new ConsoleViewModel(identities, Runnable::run, uiQueue::add, Clock.systemUTC());
        console.loadIdentity(Path.of("good.id"), new char[0]);
        drain();
        console.codeInputProperty().set("418 290 573");
        ConsoleSessionViewModel session = console.join();
        handle = identities.sessions.last();
        screen = session.screen();
    }

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }

    private void secured() {
        handle.listener.onSecured(PeerInfo.customer("Bob"));
        drain();
    }

    @Test
    void viewScreenOnlyOnceSecuredThenWaitsForTheCustomer() {
        assertFalse(screen.canRequest().get());
        screen.requestScreen();
        assertTrue(handle.screenCalls.isEmpty(), "nothing to ask before the handshake");

        secured();
        assertTrue(screen.canRequest().get());
        screen.requestScreen();
        assertEquals(List.of("request"), handle.screenCalls);
        assertEquals(Status.REQUESTED, screen.status());
        assertFalse(screen.canRequest().get(), "one question at a time");

        handle.screenState(Status.DENIED, "");
        drain();
        assertEquals(Status.DENIED, screen.status());
        assertTrue(screen.canRequest().get(), "may ask again after a no");
    }

    @Test
    void framesAreCopiedOnTheUiThreadThenMarkedDrawn() {
        secured();
        screen.requestScreen();
        handle.sharing(FakeSessions.monitor(0, 16, 10));
        drain();
        assertTrue(screen.viewing().get());

        ScreenImage live = FakeSessions.solid(16, 10, 0x3366CC);
        handle.pushFrame(live, new ScreenRect(0, 0, 16, 10), 5, 6);
        assertEquals(0, handle.framesDrawn.get(), "copy happens on the UI thread");
        drain();
        assertEquals(1, handle.framesDrawn.get());
        ScreenPixels first = screen.pixelsProperty().get();
        assertEquals(0xFF3366CC, first.argb(15, 9));
        assertEquals(1, screen.framesShownProperty().get());
        assertEquals(5, screen.cursorXProperty().get());
        assertEquals(6, screen.cursorYProperty().get());
        assertTrue(screen.cursorVisibleProperty().get());

        // The decoder reuses its buffer: only the changed part is taken over.
        live.pixels()[0] = 0xFF0000;
        live.pixels()[15] = 0x00FF00;
        handle.pushFrame(live, new ScreenRect(0, 0, 2, 2), 0, 0);
        drain();
        assertSame(first, screen.pixelsProperty().get(), "same size, same buffer");
        assertEquals(0xFFFF0000, first.argb(0, 0));
        assertEquals(0xFF3366CC, first.argb(15, 0), "outside the changed rectangle");
        assertEquals(new ScreenRect(0, 0, 2, 2), screen.lastChange());
        assertEquals(2, handle.framesDrawn.get());

        handle.pushFrame(FakeSessions.solid(20, 12, 0xFFFFFF), new ScreenRect(0, 0, 1, 1), 0, 0);
        drain();
        ScreenPixels resized = screen.pixelsProperty().get();
        assertNotSame(first, resized, "a new size needs a new buffer");
        assertEquals(20, resized.width());
        assertEquals(0xFFFFFFFF, resized.argb(19, 11), "a new size is copied whole");
        assertEquals(new ScreenRect(0, 0, 20, 12), screen.lastChange());
    }

    @Test
    void thePointerKeepsItsLookUntilTheCustomerSideSendsAnother() {
        secured();
        screen.requestScreen();
        handle.sharing(FakeSessions.monitor(0, 16, 10));
        drain();
        assertNull(screen.cursorShapeProperty().get(), "an arrow until the customer's side tells the look");
        dev.lifeline.client.screen.CursorShape beam = new dev.lifeline.client.screen.CursorShape(2, 3, 1, 1,
                new int[] {0, 0xFF000000, 0, 0, 0xFF000000, 0});
        handle.pushFrame(FakeSessions.solid(16, 10, 0x3366CC), new ScreenRect(0, 0, 16, 10), 5, 6, beam);
        drain();
        assertEquals(beam, screen.cursorShapeProperty().get());
        handle.pushFrame(FakeSessions.solid(16, 10, 0x3366CC), new ScreenRect(0, 0, 1, 1), 7, 6);
        drain();
        assertEquals(beam, screen.cursorShapeProperty().get(), "sent once, kept while it does not change");
        screen.stopViewing();
        drain();
        assertNull(screen.cursorShapeProperty().get(), "a new stream starts with the arrow again");
    }

    @Test
    void lateFramesAfterStopViewingAreStillReleased() {
        secured();
        screen.requestScreen();
        handle.sharing(FakeSessions.monitor(0, 8, 8));
        drain();
        screen.stopViewing();
        assertEquals(List.of("request", "stopViewing"), handle.screenCalls);
        assertEquals(Status.STOPPED, screen.status());
        handle.pushFrame(FakeSessions.solid(8, 8, 1), new ScreenRect(0, 0, 8, 8), 0, 0);
        drain();
        assertEquals(1, handle.framesDrawn.get(), "never leave the decoder waiting");
        assertNull(screen.pixelsProperty().get());
    }

    @Test
    void qualityAndMonitorCallTheSessionOnlyWhenTheyChange() {
        secured();
        screen.requestScreen();
        MonitorInfo left = FakeSessions.monitor(0, 1920, 1080);
        MonitorInfo right = FakeSessions.monitor(1, 1280, 1024);
        handle.sharing(left, right);
        drain();
        assertEquals(List.of(left, right), screen.monitors());
        assertEquals(0, screen.activeMonitorProperty().get());

        screen.chooseQuality(Quality.AUTO);
        screen.chooseQuality(Quality.SHARP);
        screen.selectMonitor(0);
        screen.selectMonitor(1);
        screen.selectMonitor(5);
        assertEquals(List.of("request", "quality:SHARP", "monitor:1"), handle.screenCalls);
        assertEquals(Quality.SHARP, screen.qualityProperty().get());

        // The session's own report wins and calls nothing back.
        handle.listener.onScreenShare(new ScreenShareState(Status.SHARING, List.of(left, right), 1, Quality.FAST, ""));
        drain();
        assertEquals(Quality.FAST, screen.qualityProperty().get());
        assertEquals(3, handle.screenCalls.size());
    }

    @Test
    void statsOnlyWhileViewingAndEverythingStopsWithTheSession() {
        secured();
        handle.listener.onScreenStats(new ScreenStats(24, 38, 150_000));
        drain();
        assertNull(screen.statsProperty().get());
        screen.requestScreen();
        handle.sharing(FakeSessions.monitor(0, 8, 8));
        handle.listener.onScreenStats(new ScreenStats(24, 38, 150_000));
        handle.pushFrame(FakeSessions.solid(8, 8, 1), new ScreenRect(0, 0, 8, 8), 0, 0);
        drain();
        assertEquals(24, screen.statsProperty().get().framesPerSecond());

        // Paused: the picture stays, the numbers go (a frozen picture has no frame rate).
        handle.screenState(Status.PAUSED, "");
        handle.listener.onScreenStats(new ScreenStats(3, 40, 1_000));
        drain();
        assertNull(screen.statsProperty().get());
        assertNotNull(screen.pixelsProperty().get());

        handle.screenState(Status.UNAVAILABLE, " Wayland session without a screen-capture portal ");
        drain();
        assertEquals("Wayland session without a screen-capture portal", screen.detailProperty().get());
        assertNull(screen.statsProperty().get());
        assertNull(screen.pixelsProperty().get());

        handle.listener.onEnded(new SessionEnd(SessionEnd.Reason.ENDED_BY_PEER, ""));
        drain();
        assertFalse(screen.availableProperty().get());
        assertTrue(screen.sessionOverProperty().get());
        assertFalse(screen.canRequest().get());
        screen.requestScreen();
        assertEquals(List.of("request"), handle.screenCalls);
    }
}
