package dev.lifeline.client.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.control.ControlStatus.LocalDevice;
import dev.lifeline.client.control.ControlStatus.State;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.testing.HandClock;
import dev.lifeline.common.wire.e2e.ControlState;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.PointerMove;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The customer's remote-control handler with a recording injector: only checked events are
 * applied, only while control is on, never while the person is using their own mouse or keyboard;
 * timing runs on a hand-moved clock.
 */
class RemoteControlTest {
    private static final List<MonitorInfo> SHARED = List.of(
            new MonitorInfo(0, "left", 0, 0, 1920, 1080, true),
            new MonitorInfo(1, "right", 1920, 0, 1280, 1024, false));

    private final HandClock clock = new HandClock();
    private final RecordingInjector injector = new RecordingInjector();
    private final List<SessionMessage> sent = new ArrayList<>();
    private final List<ControlStatus> statuses = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private LocalInputWatch.Listener hook;
    private boolean watchClosed;
    private List<MonitorInfo> monitors = SHARED;

    private final LocalInputWatch watch = new LocalInputWatch() {
        @Override
        public AutoCloseable watch(Listener listener) {
            hook = listener;
            watchClosed = false;
            return () -> watchClosed = true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }
    };

    private final RemoteControl control = new RemoteControl(injector.opener(), Runnable::run, watch, () -> monitors,
            clock, clock::nanos, new RemoteControl.SessionThread() {
                @Override
                public void execute(Runnable task) {
                    task.run();
                }

                @Override
                public void schedule(Runnable task, long delayMs) {
                    scheduled.add(task);
                    delays.add(delayMs);
                }
            }, new RemoteControl.Events() {
                @Override
                public void send(SessionMessage message) {
                    sent.add(message);
                }

                @Override
                public void statusChanged(ControlStatus status) {
                    statuses.add(status);
                }
            });

    private static SessionMessage wire(RemoteInput input) {
        return SessionMessage.newBuilder().setInputEvent(InputMessages.toWire(input)).build();
    }

    private void send(RemoteInput... inputs) {
        for (RemoteInput input : inputs) {
            assertTrue(control.onMessage(wire(input)));
        }
    }

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    private ControlState lastState() {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).hasControlState()) {
                return sent.get(i).getControlState();
            }
        }
        return null;
    }

    @Test
    void nothingIsAppliedBeforeControlIsGranted() {
        send(new RemoteInput.Move(0, 10, 10), new RemoteInput.Key(KeyEvent.VK_A, true));
        assertTrue(injector.done.isEmpty());
        assertEquals(0, control.applied());
        assertEquals(false, control.onMessage(SessionMessage.newBuilder().setChat(
                dev.lifeline.common.wire.e2e.ChatMessage.newBuilder().setText("hi")).build()), "not an input event");
    }

    @Test
    void validEventsAreAppliedInOrderAtTheirDesktopPositions() {
        control.granted();
        assertEquals(State.READY, control.status().state());
        assertEquals(ControlState.Status.READY, lastState().getStatus(), "the technician is told");
        send(new RemoteInput.Move(1, 2000, 500),
                new RemoteInput.Button(1, 2001, 501, MouseButton.LEFT, true),
                new RemoteInput.Button(1, 2001, 501, MouseButton.LEFT, false),
                new RemoteInput.Wheel(2),
                new RemoteInput.Key(KeyEvent.VK_CONTROL, true),
                new RemoteInput.Key(KeyEvent.VK_S, true),
                new RemoteInput.Key(KeyEvent.VK_S, false),
                new RemoteInput.Key(KeyEvent.VK_CONTROL, false),
                new RemoteInput.Text("Hi!"),
                new RemoteInput.Combo(SystemCombo.ALT_TAB));
        assertEquals(List.of("move 2000,500", "move 2001,501", "press LEFT", "move 2001,501", "release LEFT", "wheel 2",
                "key+ 17", "key+ 83", "key- 83", "key- 17", "type H", "type i", "type !",
                "key+ 18", "key+ 9", "key- 9", "key- 18"), injector.done);
    }

    @Test
    void invalidEventsAreRefusedCountedAndNeverApplied() {
        control.granted();
        control.onMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.newBuilder()
                .setMove(PointerMove.newBuilder().setMonitor(0).setX(1920).setY(5))).build()); // off monitor 0
        control.onMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.newBuilder()
                .setMove(PointerMove.newBuilder().setMonitor(5).setX(1).setY(1))).build());
        control.onMessage(wire(new RemoteInput.Key(KeyEvent.VK_A, true)).toBuilder()
                .setInputEvent(InputEvent.newBuilder().setKey(dev.lifeline.common.wire.e2e.KeyStroke.newBuilder().setKeyCode(99999)))
                .build());
        control.onMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.getDefaultInstance()).build());
        assertTrue(injector.done.isEmpty(), "nothing of an invalid event is applied");
        assertEquals(4, control.invalid());
        assertEquals(1, lastState().getInvalidEvents(), "reported back, but at most once a second (no flood mirrored)");
        clock.advance(1000);
        control.onMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.getDefaultInstance()).build());
        assertEquals(5, lastState().getInvalidEvents());

        send(new RemoteInput.Move(0, 5, 5));
        assertEquals(List.of("move 5,5"), injector.done, "a valid event after invalid ones still works");
    }

    @Test
    void pointerInputNeedsASharedScreenKeysDoNot() {
        monitors = List.of(); // paused or stopped: the technician's picture is stale
        control.granted();
        send(new RemoteInput.Move(0, 5, 5), new RemoteInput.Key(KeyEvent.VK_F5, true), new RemoteInput.Key(KeyEvent.VK_F5, false));
        assertEquals(List.of("key+ 116", "key- 116"), injector.done);
        assertEquals(1, control.invalid());
    }

    @Test
    void revokingReleasesEverythingTheTechnicianHeldAndStopsInput() {
        control.granted();
        send(new RemoteInput.Key(KeyEvent.VK_SHIFT, true), new RemoteInput.Button(0, 10, 10, MouseButton.LEFT, true));
        injector.done.clear();
        control.revoked();
        assertEquals(List.of("release LEFT", "key- 16"), injector.done);
        assertTrue(watchClosed, "no longer watching the customer's input");
        assertEquals(State.OFF, statuses.get(statuses.size() - 1).state());
        injector.done.clear();
        send(new RemoteInput.Move(0, 5, 5));
        assertTrue(injector.done.isEmpty(), "nothing after the revocation");
    }

    @Test
    void aReleaseOfAKeyThatIsNotHeldIsNotInjected() {
        control.granted();
        send(new RemoteInput.Key(KeyEvent.VK_A, false), new RemoteInput.Button(0, 1, 1, MouseButton.RIGHT, false));
        assertEquals(List.of("move 1,1"), injector.done);
    }

    @Test
    void atMostSixteenKeysHeld() {
        control.granted();
        int[] keys = KeyCodes.allowed().stream().mapToInt(Integer::intValue).limit(20).toArray();
        for (int key : keys) {
            send(new RemoteInput.Key(key, true));
        }
        assertEquals(RemoteControl.MAX_KEYS_HELD, injector.done.size());
    }

    @Test
    void theCustomerFirstLocalInputPausesRemoteInputForOneSecondAfterTheLastTouch() {
        control.granted();
        send(new RemoteInput.Key(KeyEvent.VK_SHIFT, true));
        injector.done.clear();

        hook.mouseMoved(700, 300); // the customer's own hand: nothing we injected
        assertEquals(State.CUSTOMER_ACTIVE, control.status().state());
        assertEquals(LocalDevice.MOUSE, control.status().device());
        assertEquals(ControlState.Status.LOCAL_USER_ACTIVE, lastState().getStatus(), "the technician sees it");
        assertEquals(ControlState.LocalDevice.LOCAL_MOUSE, lastState().getDevice());
        assertEquals(List.of("key- 16"), injector.done, "what the technician held is let go");

        injector.done.clear();
        send(new RemoteInput.Move(0, 50, 50));
        assertTrue(injector.done.isEmpty(), "dropped, not queued");
        assertEquals(1, control.droppedWhileCustomerActive());

        clock.advance(600);
        hook.key(); // still busy: the pause runs from the last touch
        clock.advance(400);
        runScheduled(); // the check one second after the first touch
        assertEquals(State.CUSTOMER_ACTIVE, control.status().state(), "only 400 ms since the last key");
        send(new RemoteInput.Move(0, 50, 50));
        assertTrue(injector.done.isEmpty());

        clock.advance(600);
        runScheduled();
        assertEquals(State.READY, control.status().state());
        assertEquals(ControlState.Status.READY, lastState().getStatus());
        send(new RemoteInput.Move(0, 60, 60));
        assertEquals(List.of("move 60,60"), injector.done);
    }

    @Test
    void theEchoOfOurOwnInjectionIsNotTheCustomer() {
        control.granted();
        send(new RemoteInput.Move(0, 400, 300), new RemoteInput.Key(KeyEvent.VK_B, true), new RemoteInput.Key(KeyEvent.VK_B, false),
                new RemoteInput.Button(0, 400, 300, MouseButton.LEFT, true));
        hook.mouseMoved(400, 300);
        hook.key();
        hook.key();
        hook.mouseButton();
        assertEquals(State.READY, control.status().state(), "what the hook saw was our own input");

        clock.advance(200);
        hook.key(); // a third key event: we injected only two
        assertEquals(State.CUSTOMER_ACTIVE, control.status().state());
        assertEquals(LocalDevice.KEYBOARD, control.status().device());
    }

    @Test
    void anEchoTooLateIsTheCustomer() {
        control.granted();
        send(new RemoteInput.Move(0, 400, 300));
        clock.advance(600);
        hook.mouseMoved(400, 300);
        assertEquals(State.CUSTOMER_ACTIVE, control.status().state());
    }

    @Test
    void aFloodIsCutAtTheRateLimit() {
        control.granted();
        for (int i = 0; i < 2000; i++) {
            send(new RemoteInput.Move(0, i % 1000, 1));
        }
        assertEquals(RemoteControl.BURST, control.applied());
        assertEquals(2000 - RemoteControl.BURST, control.droppedByRate());
        clock.advance(1000);
        send(new RemoteInput.Move(0, 1, 1));
        assertEquals(RemoteControl.BURST + 1, control.applied(), "refilled over time");
    }

    @Test
    void withoutAnInjectorControlIsUnavailableWithTheReason() {
        RemoteControl noRobot = new RemoteControl(InputInjectors.unavailable("this app runs without a display"), Runnable::run,
                LocalInputWatch.NONE, () -> SHARED, clock, clock::nanos, null, new RemoteControl.Events() {
                    @Override
                    public void send(SessionMessage message) {
                        sent.add(message);
                    }

                    @Override
                    public void statusChanged(ControlStatus status) {
                        statuses.add(status);
                    }
                });
        noRobot.granted();
        assertEquals(State.UNAVAILABLE, noRobot.status().state());
        assertEquals(ControlState.Status.UNAVAILABLE, lastState().getStatus());
        assertEquals("this app runs without a display", lastState().getDetail());
        noRobot.onMessage(wire(new RemoteInput.Key(KeyEvent.VK_A, true)));
        assertEquals(0, noRobot.applied());
    }

    @Test
    void untypableCharactersAreSkippedAndTheRestTyped() {
        control.granted();
        send(new RemoteInput.Text("a😀b"));
        assertEquals(List.of("type a", "type b"), injector.done);
    }
}
