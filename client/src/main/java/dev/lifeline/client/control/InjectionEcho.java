package dev.lifeline.client.control;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Tells the injected events apart from the person's own. A global hook sees both: each injection is
 * noted here just before it happens, and a hook event that matches a recent note (the pointer at a
 * position we moved it to, or one key or button event for each we pressed) is our own echo. What
 * does not match is the customer.
 */
public final class InjectionEcho {
    /** Longest an echo may take to come back from the window system. */
    static final long ECHO_WINDOW_NANOS = 500_000_000L;
    private static final int MAX_NOTES = 256;

    private record Move(int x, int y, long at) {
    }

    private final LongSupplier nanos;
    private final ArrayDeque<Move> moves = new ArrayDeque<>();
    private final ArrayDeque<Long> keys = new ArrayDeque<>();
    private final ArrayDeque<Long> buttons = new ArrayDeque<>();
    private final ArrayDeque<Long> wheels = new ArrayDeque<>();

    public InjectionEcho(LongSupplier nanos) {
        this.nanos = nanos;
    }

    public synchronized void injectedMove(int x, int y) {
        add(moves, new Move(x, y, nanos.getAsLong()));
    }

    /** One key press or release. */
    public synchronized void injectedKey() {
        add(keys, nanos.getAsLong());
    }

    public synchronized void injectedButton() {
        add(buttons, nanos.getAsLong());
    }

    public synchronized void injectedWheel() {
        add(wheels, nanos.getAsLong());
    }

    /** True if the pointer at x,y is where we recently put it. */
    public synchronized boolean isEchoMove(int x, int y) {
        long now = nanos.getAsLong();
        for (Iterator<Move> it = moves.iterator(); it.hasNext(); ) {
            Move m = it.next();
            if (now - m.at() > ECHO_WINDOW_NANOS) {
                it.remove();
            } else if (Math.abs(m.x() - x) <= 1 && Math.abs(m.y() - y) <= 1) {
                return true;
            }
        }
        return false;
    }

    public synchronized boolean isEchoKey() {
        return consume(keys);
    }

    public synchronized boolean isEchoButton() {
        return consume(buttons);
    }

    public synchronized boolean isEchoWheel() {
        return consume(wheels);
    }

    private boolean consume(ArrayDeque<Long> notes) {
        long now = nanos.getAsLong();
        while (!notes.isEmpty() && now - notes.peekFirst() > ECHO_WINDOW_NANOS) {
            notes.removeFirst();
        }
        return notes.pollFirst() != null;
    }

    private static <T> void add(ArrayDeque<T> notes, T note) {
        if (notes.size() == MAX_NOTES) {
            notes.removeFirst();
        }
        notes.addLast(note);
    }
}
