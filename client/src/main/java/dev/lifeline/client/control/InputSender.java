package dev.lifeline.client.control;

import dev.lifeline.common.wire.e2e.LaserPointer;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Console's side of remote control, on the session thread: pointer moves are coalesced (the
 * newest position wins, at most one every {@link #MOVE_INTERVAL_MS}), every other event goes out
 * in order after any pending move, bounded by a token bucket, and text is cut into pieces the
 * customer's app accepts. The laser pointer is coalesced the same way.
 */
public final class InputSender {
    private static final Logger log = LoggerFactory.getLogger(InputSender.class);
    /** About 60 pointer updates per second: smooth on the customer's screen, light on the wire. */
    public static final long MOVE_INTERVAL_MS = 16;
    /** The laser dot needs less: about 30 per second. */
    public static final long LASER_INTERVAL_MS = 33;
    /** Below the customer's own limit, so a fast typist is never cut off there. */
    static final int MAX_EVENTS_PER_SECOND = 200;
    static final int BURST = 400;

    private final Consumer<SessionMessage> send;
    private final RemoteControl.SessionThread session;
    private final LongSupplier millis;
    private RemoteInput.Move pendingMove;
    private long lastMoveSentMs = Long.MIN_VALUE;
    private boolean moveFlushScheduled;
    private LaserPointer pendingLaser;
    private long lastLaserSentMs = Long.MIN_VALUE;
    private boolean laserFlushScheduled;
    private double tokens = BURST;
    private long tokensAtMs;
    private long sent;
    private long dropped;

    public InputSender(Consumer<SessionMessage> send, RemoteControl.SessionThread session, LongSupplier millis) {
        this.send = send;
        this.session = session;
        this.millis = millis;
        this.tokensAtMs = millis.getAsLong();
    }

    public void send(RemoteInput input) {
        if (input instanceof RemoteInput.Move move) {
            pendingMove = move;
            long wait = lastMoveSentMs == Long.MIN_VALUE ? 0 : lastMoveSentMs + MOVE_INTERVAL_MS - millis.getAsLong();
            if (wait <= 0) {
                flushMove();
            } else if (!moveFlushScheduled) {
                moveFlushScheduled = true;
                session.schedule(() -> {
                    moveFlushScheduled = false;
                    flushMove();
                }, wait);
            }
            return;
        }
        flushMove(); // a click lands where the pointer was last seen, not before it got there
        if (input instanceof RemoteInput.Text text) {
            String t = text.text();
            for (int i = 0; i < t.length(); ) {
                int end = Math.min(t.length(), i + InputMessages.MAX_TEXT_CHARS);
                if (end < t.length() && Character.isHighSurrogate(t.charAt(end - 1))) {
                    end--; // never split a character
                }
                emit(new RemoteInput.Text(t.substring(i, end)), false);
                i = end;
            }
            return;
        }
        emit(input, input instanceof RemoteInput.ReleaseAll
                || (input instanceof RemoteInput.Key k && !k.pressed())
                || (input instanceof RemoteInput.Button b && !b.pressed()));
    }

    private void flushMove() {
        if (pendingMove == null) {
            return;
        }
        RemoteInput.Move move = pendingMove;
        pendingMove = null;
        lastMoveSentMs = millis.getAsLong();
        emit(move, false);
    }

    /** Releases always go: a dropped release would leave a key held down on the customer's machine. */
    private void emit(RemoteInput input, boolean always) {
        long now = millis.getAsLong();
        tokens = Math.min(BURST, tokens + (now - tokensAtMs) * MAX_EVENTS_PER_SECOND / 1000.0);
        tokensAtMs = now;
        if (tokens < 1 && !always) {
            dropped++;
            log.debug("input over {} events/s not sent", MAX_EVENTS_PER_SECOND);
            return;
        }
        tokens = Math.max(0, tokens - 1);
        sent++;
        send.accept(SessionMessage.newBuilder().setInputEvent(InputMessages.toWire(input)).build());
    }

    /** Shows (or hides) the laser dot on the customer's screen; coalesced like pointer moves. */
    public void laser(int monitor, int x, int y, boolean visible) {
        pendingLaser = LaserPointer.newBuilder().setMonitor(monitor).setX(x).setY(y).setVisible(visible).build();
        long wait = lastLaserSentMs == Long.MIN_VALUE || !visible ? 0 : lastLaserSentMs + LASER_INTERVAL_MS - millis.getAsLong();
        if (wait <= 0) {
            flushLaser();
        } else if (!laserFlushScheduled) {
            laserFlushScheduled = true;
            session.schedule(() -> {
                laserFlushScheduled = false;
                flushLaser();
            }, wait);
        }
    }

    private void flushLaser() {
        if (pendingLaser == null) {
            return;
        }
        LaserPointer laser = pendingLaser;
        pendingLaser = null;
        lastLaserSentMs = millis.getAsLong();
        send.accept(SessionMessage.newBuilder().setLaserPointer(laser).build());
    }

    /** Messages sent so far (tests: moves are coalesced). */
    public long sent() {
        return sent;
    }

    public long dropped() {
        return dropped;
    }
}
