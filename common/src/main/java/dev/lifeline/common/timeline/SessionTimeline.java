package dev.lifeline.common.timeline;

import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.timeline.TimelineEntry.Actor;
import dev.lifeline.common.timeline.TimelineEntry.Kind;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What happened in one session, in order: consent changes, refused messages, clipboard uses and
 * file transfers — who, what, when, how big, never the content. The session writes it on its
 * thread; the report, the recording and the UI read it from anywhere ({@link #entries()} is a
 * copy) or follow it with {@link #subscribe}. Bounded: the oldest entries go first past
 * {@link #MAX_ENTRIES}, and {@link #dropped()} says how many went.
 */
public final class SessionTimeline {
    public static final int MAX_ENTRIES = 5000;

    private final Clock clock;
    private final ArrayDeque<TimelineEntry> entries = new ArrayDeque<>();
    private final List<Consumer<TimelineEntry>> subscribers = new CopyOnWriteArrayList<>();
    private long dropped;

    public SessionTimeline(Clock clock) {
        this.clock = clock;
    }

    /** Records an entry stamped now. */
    public TimelineEntry record(Kind kind, Actor actor, String subject, long bytes, String detail) {
        return add(new TimelineEntry(clock.instant(), kind, actor, subject, bytes, detail));
    }

    /** A consent change, at the time the ledger stamped it. */
    public TimelineEntry consent(ConsentEvent event) {
        Kind kind = switch (event.kind()) {
            case ASKED -> Kind.CONSENT_ASKED;
            case GRANTED -> Kind.CONSENT_GRANTED;
            case DENIED -> Kind.CONSENT_DENIED;
            case REVOKED -> Kind.CONSENT_REVOKED;
            case REQUEST_REFUSED -> Kind.CONSENT_REQUEST_REFUSED;
        };
        Actor actor = switch (event.actor()) {
            case CUSTOMER -> Actor.CUSTOMER;
            case TECHNICIAN -> Actor.TECHNICIAN;
            case CUSTOMER_APP -> Actor.CUSTOMER_APP;
        };
        return add(new TimelineEntry(event.at(), kind, actor, event.capability().name(), 0, ""));
    }

    public TimelineEntry add(TimelineEntry entry) {
        synchronized (entries) {
            if (entries.size() == MAX_ENTRIES) {
                entries.removeFirst();
                dropped++;
            }
            entries.addLast(entry);
        }
        for (Consumer<TimelineEntry> subscriber : subscribers) {
            subscriber.accept(entry);
        }
        return entry;
    }

    /** Everything kept so far, oldest first. */
    public List<TimelineEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Entries of one kind, oldest first. */
    public List<TimelineEntry> entries(Kind kind) {
        return entries().stream().filter(e -> e.kind() == kind).toList();
    }

    /** Entries pushed out by the bound. */
    public long dropped() {
        synchronized (entries) {
            return dropped;
        }
    }

    /** Called on the session thread with each new entry; keep it quick. */
    public void subscribe(Consumer<TimelineEntry> subscriber) {
        subscribers.add(subscriber);
    }
}
