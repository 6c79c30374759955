package dev.lifeline.client.control;

import dev.lifeline.client.control.ControlStatus.LocalDevice;
import dev.lifeline.client.control.ControlStatus.State;
import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.common.wire.e2e.ControlState;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of remote control. {@code ConsentGate} has already refused every input event
 * without a live CONTROL_INPUT grant; here each admitted event is checked against this machine
 * ({@link InputMessages#fromWire}), rate-limited, and handed to the {@link InputInjector} on the
 * input thread. The person at the machine comes first: when they use their own mouse or keyboard,
 * remote input is dropped (not queued) until they have left it alone for {@link #LOCAL_USER_PAUSE_MS},
 * and whatever the technician held down is let go. Runs on the session thread.
 */
public final class RemoteControl {
    private static final Logger log = LoggerFactory.getLogger(RemoteControl.class);
    public static final long LOCAL_USER_PAUSE_MS = 1000;
    /** Token bucket: a person cannot produce more than this; the Console coalesces pointer moves. */
    static final int MAX_EVENTS_PER_SECOND = 250;
    static final int BURST = 500;
    static final int MAX_KEYS_HELD = 16;
    /** Status messages about refused events go back at most this often, so a flood is not mirrored. */
    private static final long INVALID_REPORT_INTERVAL_MS = 1000;
    /** Local activity is passed to the session thread at most this often. */
    private static final long LOCAL_SIGNAL_INTERVAL_MS = 100;

    /** What remote control needs from the customer's session. */
    public interface Events {
        /** Seal and send to the technician. */
        void send(SessionMessage message);

        /** For the customer's own app. */
        void statusChanged(ControlStatus status);
    }

    /** The session thread: run now-ish, or later. */
    public interface SessionThread {
        void execute(Runnable task);

        void schedule(Runnable task, long delayMs);
    }

    private final InputInjectors injectors;
    private final Executor inputThread;
    private final LocalInputWatch watch;
    private final Supplier<List<MonitorInfo>> monitors;
    private final Clock clock;
    private final SessionThread session;
    private final Events events;
    private final InjectionEcho echo;

    private ControlStatus status = ControlStatus.OFF;
    /** The injector while control is granted; read on the input thread. */
    private volatile InputInjector injector;
    private AutoCloseable watching;
    private long pausedUntilMs;
    private boolean resumeScheduled;
    private volatile long lastLocalSignalMs = Long.MIN_VALUE;
    private double tokens = BURST;
    private long tokensAtMs;
    private long invalid;
    private long lastInvalidReportMs = Long.MIN_VALUE;
    private long applied;
    private long droppedWhileCustomerActive;
    private long droppedByRate;
    /** Held on the customer's machine by the technician; touched on the input thread only. */
    private final Set<Integer> keysDown = new LinkedHashSet<>();
    private final Set<MouseButton> buttonsDown = EnumSet.noneOf(MouseButton.class);

    public RemoteControl(InputInjectors injectors, Executor inputThread, LocalInputWatch watch,
                         Supplier<List<MonitorInfo>> monitors, Clock clock, java.util.function.LongSupplier nanos,
                         SessionThread session, Events events) {
        this.injectors = injectors;
        this.inputThread = inputThread;
        this.watch = watch;
        this.monitors = monitors;
        this.clock = clock;
        this.session = session;
        this.events = events;
        this.echo = new InjectionEcho(nanos);
        this.tokensAtMs = clock.millis();
    }

    /** An input event that passed the consent gate. Returns false for any other message. */
    public boolean onMessage(SessionMessage message) {
        if (message.getBodyCase() != SessionMessage.BodyCase.INPUT_EVENT) {
            return false;
        }
        onInput(message.getInputEvent());
        return true;
    }

    private void onInput(InputEvent event) {
        if (status.state() == State.OFF || status.state() == State.UNAVAILABLE) {
            log.debug("input event while control is {}; dropped", status.state());
            return;
        }
        RemoteInput input;
        try {
            input = InputMessages.fromWire(event, monitors.get());
        } catch (InvalidInputException e) {
            invalid++;
            log.warn("refused an input event from the technician: {} ({} so far)", e.reason(), invalid);
            long now = clock.millis();
            if (lastInvalidReportMs == Long.MIN_VALUE || now - lastInvalidReportMs >= INVALID_REPORT_INTERVAL_MS) {
                lastInvalidReportMs = now;
                publish(status);
            }
            return;
        }
        boolean release = input instanceof RemoteInput.ReleaseAll;
        if (!release && customerActive()) {
            droppedWhileCustomerActive++;
            return;
        }
        if (!release && !takeToken()) {
            droppedByRate++;
            log.debug("input over {} events/s dropped", MAX_EVENTS_PER_SECOND);
            return;
        }
        applied++;
        inputThread.execute(() -> apply(input));
    }

    private boolean takeToken() {
        long now = clock.millis();
        tokens = Math.min(BURST, tokens + (now - tokensAtMs) * MAX_EVENTS_PER_SECOND / 1000.0);
        tokensAtMs = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }

    private boolean customerActive() {
        return status.state() == State.CUSTOMER_ACTIVE && clock.millis() < pausedUntilMs;
    }

    /** CONTROL_INPUT was granted: open the injector (or say why not) and watch for the customer's own input. */
    public void granted() {
        if (status.state() != State.OFF && status.state() != State.UNAVAILABLE) {
            return;
        }
        try {
            injector = injectors.open();
        } catch (InjectionException e) {
            log.info("remote control unavailable: {}", e.getMessage());
            publish(new ControlStatus(State.UNAVAILABLE, null, e.getMessage(), invalid));
            return;
        }
        watching = watch.watch(new EchoFilter());
        publish(new ControlStatus(State.READY, null, "", invalid));
    }

    /** The grant ended (revoked, given up, panic key) or the session is over: let go of everything at once. */
    public void revoked() {
        if (status.state() == State.OFF) {
            return;
        }
        stopWatching();
        InputInjector last = injector;
        injector = null;
        if (last != null) {
            inputThread.execute(() -> releaseAll(last));
        }
        pausedUntilMs = 0;
        publish(new ControlStatus(State.OFF, null, "", invalid));
    }

    /** The session is over. */
    public void close() {
        revoked();
    }

    /**
     * The person at this machine used their own {@code device} (not an echo of ours): remote input
     * pauses for {@link #LOCAL_USER_PAUSE_MS} after the last such event, and what the technician
     * held is released so it does not fight the person.
     */
    public void customerUsed(LocalDevice device) {
        if (status.state() != State.READY && status.state() != State.CUSTOMER_ACTIVE) {
            return;
        }
        long now = clock.millis();
        pausedUntilMs = now + LOCAL_USER_PAUSE_MS;
        if (status.state() == State.READY) {
            InputInjector current = injector;
            if (current != null) {
                inputThread.execute(() -> releaseAll(current));
            }
            publish(new ControlStatus(State.CUSTOMER_ACTIVE, device, "", invalid));
        }
        if (!resumeScheduled) {
            resumeScheduled = true;
            session.schedule(this::checkResume, LOCAL_USER_PAUSE_MS);
        }
    }

    /** Resumes once the customer has left mouse and keyboard alone for the whole pause. */
    void checkResume() {
        resumeScheduled = false;
        if (status.state() != State.CUSTOMER_ACTIVE) {
            return;
        }
        long left = pausedUntilMs - clock.millis();
        if (left > 0) {
            resumeScheduled = true;
            session.schedule(this::checkResume, left);
            return;
        }
        publish(new ControlStatus(State.READY, null, "", invalid));
    }

    private void publish(ControlStatus next) {
        status = new ControlStatus(next.state(), next.device(), next.detail(), invalid);
        ControlState.Builder wire = ControlState.newBuilder()
                .setStatus(switch (status.state()) {
                    case READY, OFF -> ControlState.Status.READY;
                    case CUSTOMER_ACTIVE -> ControlState.Status.LOCAL_USER_ACTIVE;
                    case UNAVAILABLE -> ControlState.Status.UNAVAILABLE;
                })
                .setDetail(status.detail())
                .setInvalidEvents(invalid);
        if (status.state() == State.CUSTOMER_ACTIVE) {
            wire.setPausedForMs((int) LOCAL_USER_PAUSE_MS);
            wire.setDevice(status.device() == LocalDevice.KEYBOARD ? ControlState.LocalDevice.LOCAL_KEYBOARD
                    : ControlState.LocalDevice.LOCAL_MOUSE);
        }
        if (status.state() != State.OFF) {
            events.send(SessionMessage.newBuilder().setControlState(wire).build());
        }
        events.statusChanged(status);
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                log.debug("stopping the input watch: {}", e.toString());
            }
            watching = null;
        }
    }

    // ---- the input thread ----

    private void apply(RemoteInput input) {
        InputInjector to = injector;
        if (to == null) {
            return; // revoked while this was queued
        }
        try {
            if (input instanceof RemoteInput.Move m) {
                echo.injectedMove(m.x(), m.y());
                to.moveMouse(m.x(), m.y());
            } else if (input instanceof RemoteInput.Button b) {
                echo.injectedMove(b.x(), b.y());
                to.moveMouse(b.x(), b.y());
                if (b.pressed() && buttonsDown.add(b.button())) {
                    echo.injectedButton();
                    to.pressButton(b.button());
                } else if (!b.pressed() && buttonsDown.remove(b.button())) {
                    echo.injectedButton();
                    to.releaseButton(b.button());
                }
            } else if (input instanceof RemoteInput.Wheel w) {
                echo.injectedWheel();
                to.wheel(w.notches());
            } else if (input instanceof RemoteInput.Key k) {
                key(to, k);
            } else if (input instanceof RemoteInput.Text t) {
                type(to, t.text());
            } else if (input instanceof RemoteInput.Combo c) {
                combo(to, c.combo());
            } else {
                releaseAll(to);
            }
        } catch (RuntimeException e) {
            // Robot throws for keys this keyboard does not have; nothing else is held up by it.
            log.warn("input could not be applied: {}", e.toString());
        }
    }

    private void key(InputInjector to, RemoteInput.Key k) {
        if (k.pressed()) {
            if (!keysDown.contains(k.keyCode()) && keysDown.size() >= MAX_KEYS_HELD) {
                log.warn("refused a key press: {} keys are already held", MAX_KEYS_HELD);
                return;
            }
            keysDown.add(k.keyCode());
            echo.injectedKey();
            to.pressKey(k.keyCode());
        } else if (keysDown.remove(k.keyCode())) {
            echo.injectedKey();
            to.releaseKey(k.keyCode());
        }
    }

    private void type(InputInjector to, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            // Two key events per character, four with Shift.
            int keyEvents = TextStrokes.forChar(c).map(stroke -> stroke.shift() ? 4 : 2).orElse(0);
            for (int n = 0; n < keyEvents; n++) {
                echo.injectedKey();
            }
            try {
                to.type(c);
            } catch (InjectionException e) {
                log.info("a typed character was skipped: {}", e.getMessage());
            }
        }
    }

    private void combo(InputInjector to, SystemCombo combo) {
        List<Integer> keys = combo.keys();
        for (int key : keys) {
            echo.injectedKey();
            to.pressKey(key);
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            echo.injectedKey();
            to.releaseKey(keys.get(i));
        }
    }

    private void releaseAll(InputInjector to) {
        for (MouseButton b : List.copyOf(buttonsDown)) {
            echo.injectedButton();
            to.releaseButton(b);
        }
        buttonsDown.clear();
        List<Integer> keys = List.copyOf(keysDown);
        for (int i = keys.size() - 1; i >= 0; i--) {
            echo.injectedKey();
            to.releaseKey(keys.get(i));
        }
        keysDown.clear();
    }

    /** Hook events that are not our own echo are the customer: passed to the session thread, bounded. */
    private final class EchoFilter implements LocalInputWatch.Listener {
        @Override
        public void mouseMoved(int x, int y) {
            if (!echo.isEchoMove(x, y)) {
                signal(LocalDevice.MOUSE);
            }
        }

        @Override
        public void mouseButton() {
            if (!echo.isEchoButton()) {
                signal(LocalDevice.MOUSE);
            }
        }

        @Override
        public void mouseWheel() {
            if (!echo.isEchoWheel()) {
                signal(LocalDevice.MOUSE);
            }
        }

        @Override
        public void key() {
            if (!echo.isEchoKey()) {
                signal(LocalDevice.KEYBOARD);
            }
        }

        private void signal(LocalDevice device) {
            long now = clock.millis();
            if (lastLocalSignalMs != Long.MIN_VALUE && now - lastLocalSignalMs < LOCAL_SIGNAL_INTERVAL_MS) {
                return;
            }
            lastLocalSignalMs = now;
            session.execute(() -> customerUsed(device));
        }
    }

    public ControlStatus status() {
        return status;
    }

    /** Events handed to the injector so far. */
    public long applied() {
        return applied;
    }

    public long invalid() {
        return invalid;
    }

    public long droppedWhileCustomerActive() {
        return droppedWhileCustomerActive;
    }

    public long droppedByRate() {
        return droppedByRate;
    }

    /** For tests: the echo filter the injections are noted in. */
    InjectionEcho echo() {
        return echo;
    }
}
