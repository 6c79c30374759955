package dev.lifeline.client.handover;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Customer side: what the technician said, end to end, that it is about to do ("hand over to B",
 * "invite B to watch"). The relay's notice is accepted only when it matches such an intent, so a
 * relay cannot hand the customer to someone the technician did not name; the newcomer's
 * certificate must then carry that name. Bounded and short-lived.
 */
public final class HandoverIntents {
    static final int MAX_INTENTS = 4;
    static final long LIFETIME_MS = 3 * 60_000;
    static final int MAX_NAME = 100;

    private record Intent(HandoverEvent.Kind kind, String technician, long atMs) {
    }

    private final Clock clock;
    private final Deque<Intent> intents = new ArrayDeque<>();

    public HandoverIntents(Clock clock) {
        this.clock = clock;
    }

    /** The technician announced an intent (kept for a few minutes; the oldest is dropped past the bound). */
    public void announced(HandoverEvent.Kind kind, String technician) {
        String name = technician == null ? "" : technician.strip();
        if (kind == null || name.isEmpty() || name.length() > MAX_NAME) {
            return;
        }
        if (intents.size() >= MAX_INTENTS) {
            intents.removeFirst();
        }
        intents.addLast(new Intent(kind, name, clock.millis()));
    }

    /** Whether the relay's notice matches a live intent; a match is used up. */
    public boolean consume(HandoverEvent.Kind kind, String technician) {
        long now = clock.millis();
        intents.removeIf(i -> now - i.atMs() > LIFETIME_MS);
        for (Intent intent : intents) {
            if (intent.kind() == kind && intent.technician().equals(technician)) {
                intents.remove(intent);
                return true;
            }
        }
        return false;
    }
}
