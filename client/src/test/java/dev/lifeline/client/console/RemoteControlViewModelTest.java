package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.MouseButton;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.control.SystemCombo;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenRect;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Take control, the mouse and keyboard over the picture, and the laser pointer, without a toolkit. */
class RemoteControlViewModelTest {
    private static final MonitorInfo MAIN = new MonitorInfo(0, "main", 0, 0, 1920, 1080, true);
    private static final MonitorInfo SIDE = new MonitorInfo(1, "side", 1920, -120, 1280, 1024, false);

    private final FakeSessions.Technician sessions = new FakeSessions.Technician();
    private final ConsoleSessionViewModel session =
            new ConsoleSessionViewModel(dev.lifeline.common.pairing.SessionCode.parse("418290573"), Runnable::run, Clock.systemUTC());
    private final RemoteControlViewModel control = session.control();
    private final RemoteScreenViewModel screen = session.screen();
    private FakeHandle handle;

    @BeforeEach
    void sharing() {
        session.join(sessions);
        handle = sessions.last();
        handle.listener.onSecured(PeerInfo.customer("Dana"));
        screen.requestScreen();
        share(0);
        screen.viewportResized(960, 700); // fit: half size
    }

    private void share(int active) {
        handle.listener.onScreenShare(new ScreenShareState(ScreenShareState.Status.SHARING, List.of(MAIN, SIDE), active,
                Quality.AUTO, ""));
        MonitorInfo m = active == 0 ? MAIN : SIDE;
        handle.pushFrame(FakeSessions.solid(m.width(), m.height(), 0), new ScreenRect(0, 0, m.width(), m.height()), 0, 0);
    }

    private void grant(boolean control) {
        handle.listener.onConsentChanged(new ConsentSnapshot(control
                ? Map.of(Capability.VIEW_SCREEN, ConsentStatus.GRANTED, Capability.CONTROL_INPUT, ConsentStatus.GRANTED)
                : Map.of(Capability.VIEW_SCREEN, ConsentStatus.GRANTED, Capability.CONTROL_INPUT, ConsentStatus.REVOKED),
                Optional.empty()));
    }

    @Test
    void takeControlAsksTheCustomerAndStartsOnlyWithTheGrant() {
        assertTrue(control.canTakeControl().get());
        control.pointerMoved(10, 10);
        assertTrue(handle.controlCalls.isEmpty(), "no input before Take control");

        control.takeControl();
        assertEquals(List.of("request:[CONTROL_INPUT]:" + RemoteControlViewModel.CONTROL_REASON), handle.consentCalls);
        assertTrue(control.askingProperty().get());
        control.pointerMoved(10, 10);
        assertTrue(handle.controlCalls.isEmpty(), "still nothing until the customer allows it");

        grant(true);
        assertTrue(control.controllingProperty().get());
        assertFalse(control.askingProperty().get());
        control.pointerMoved(100, 50);
        assertEquals(List.of(new RemoteInput.Move(0, 200, 100)), handle.controlCalls, "half-size view: doubled");
    }

    @Test
    void fitAndOneToOneMapTheSamePointOfTheScreen() {
        grant(true);
        control.takeControl();
        control.pointerButton(480, 270, MouseButton.LEFT, true);
        control.pointerButton(480, 270, MouseButton.LEFT, false);
        screen.fitToWindowProperty().set(false);
        control.pointerMoved(960, 540);
        assertEquals(List.of(new RemoteInput.Button(0, 960, 540, MouseButton.LEFT, true),
                new RemoteInput.Button(0, 960, 540, MouseButton.LEFT, false),
                new RemoteInput.Move(0, 960, 540)), handle.controlCalls);
    }

    @Test
    void theSecondMonitorGoesToItsDesktopPosition() {
        grant(true);
        control.takeControl();
        share(1);
        screen.viewportResized(640, 800); // fit: 0.5
        control.pointerMoved(0, 0);
        control.pointerMoved(639.9, 511.9);
        control.pointerMoved(700, 10); // off the picture: nothing
        assertEquals(List.of(new RemoteInput.Move(1, 1920, -120), new RemoteInput.Move(1, 3199, 903)), handle.controlCalls);
    }

    @Test
    void keysShortcutsAndTypedText() {
        grant(true);
        control.takeControl();
        control.keyPressed(KeyEvent.VK_A, true, false); // a letter: its text follows as typed
        control.typed("ä", false);
        control.keyReleased(KeyEvent.VK_A);
        control.keyPressed(KeyEvent.VK_CONTROL, false, true);
        control.keyPressed(KeyEvent.VK_C, true, true); // Ctrl+C: a shortcut goes as key codes
        control.typed("\u0003", true);
        control.keyReleased(KeyEvent.VK_C);
        control.keyReleased(KeyEvent.VK_CONTROL);
        control.keyPressed(KeyEvent.VK_ENTER, false, false);
        control.keyReleased(KeyEvent.VK_ENTER);
        control.keyPressed(0x1234, false, false); // a key the customer's app would refuse: not sent
        control.sendCombo(SystemCombo.CTRL_ALT_DEL);
        assertEquals(List.of(new RemoteInput.Text("ä"),
                new RemoteInput.Key(KeyEvent.VK_CONTROL, true), new RemoteInput.Key(KeyEvent.VK_C, true),
                new RemoteInput.Key(KeyEvent.VK_C, false), new RemoteInput.Key(KeyEvent.VK_CONTROL, false),
                new RemoteInput.Key(KeyEvent.VK_ENTER, true), new RemoteInput.Key(KeyEvent.VK_ENTER, false),
                new RemoteInput.Combo(SystemCombo.CTRL_ALT_DEL)), handle.controlCalls);
    }

    @Test
    void aRevokedGrantStopsInputAndFocusLossReleasesHeldKeys() {
        grant(true);
        control.takeControl();
        control.keyPressed(KeyEvent.VK_SHIFT, false, false);
        control.focusLost();
        assertEquals(List.of(new RemoteInput.Key(KeyEvent.VK_SHIFT, true), new RemoteInput.ReleaseAll()), handle.controlCalls);

        handle.controlCalls.clear();
        grant(false); // the customer's chip or panic key
        assertFalse(control.controllingProperty().get());
        control.pointerMoved(10, 10);
        control.keyPressed(KeyEvent.VK_ENTER, false, false);
        assertTrue(handle.controlCalls.isEmpty());
    }

    @Test
    void releaseControlLetsGoAndGivesTheGrantBack() {
        grant(true);
        control.takeControl();
        control.pointerButton(10, 10, MouseButton.LEFT, true);
        control.releaseControl();
        assertEquals(new RemoteInput.ReleaseAll(), handle.controlCalls.get(handle.controlCalls.size() - 1));
        assertEquals(List.of("giveUp:CONTROL_INPUT"), handle.consentCalls);
        assertFalse(control.controllingProperty().get());
    }

    @Test
    void noPointerInputWhileTheCustomerPaused() {
        grant(true);
        control.takeControl();
        handle.listener.onScreenShare(new ScreenShareState(ScreenShareState.Status.PAUSED, List.of(MAIN, SIDE), 0, Quality.AUTO, ""));
        control.pointerMoved(10, 10);
        assertTrue(handle.controlCalls.isEmpty());
    }

    @Test
    void theLaserPointsWithoutControlAndHidesOffThePicture() {
        control.laserProperty().set(true);
        control.pointerMoved(100, 50);
        control.pointerMoved(2000, 50);
        control.pointerMoved(2000, 60);
        assertEquals(List.of("laser:0:200,100:true", "laser:0:0,0:false"), handle.controlCalls);
    }

    @Test
    void theCustomersStatusIsShown() {
        handle.listener.onControlStatus(new ControlStatus(ControlStatus.State.CUSTOMER_ACTIVE, ControlStatus.LocalDevice.MOUSE, "", 0));
        assertEquals(ControlStatus.State.CUSTOMER_ACTIVE, control.customerStatusProperty().get().state());
    }
}
