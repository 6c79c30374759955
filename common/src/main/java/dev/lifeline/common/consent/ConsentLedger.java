package dev.lifeline.common.consent;

import dev.lifeline.common.consent.ConsentEvent.Actor;
import dev.lifeline.common.consent.ConsentEvent.Kind;
import dev.lifeline.common.consent.ConsentException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The customer's consent in one session, per capability: NONE → ASKED → GRANTED or DENIED;
 * GRANTED → REVOKED; DENIED and REVOKED may be asked again. A "no" is not an invitation to ask
 * again at once: after a denial the same capability cannot be asked for {@link #ASK_AGAIN_AFTER_DENIAL},
 * and after {@link #MAX_DENIALS} denials not at all in this session. Every change is a
 * {@link ConsentEvent} in the timeline (the last {@link #MAX_EVENTS} kept) and goes to the observer.
 * Not thread-safe: the session's thread owns it.
 */
public final class ConsentLedger {
    public static final int MAX_DENIALS = 3;
    public static final Duration ASK_AGAIN_AFTER_DENIAL = Duration.ofSeconds(10);
    /** Bounded even if a peer keeps asking: the oldest entries go first. */
    public static final int MAX_EVENTS = 1000;

    private final Clock clock;
    private final Consumer<ConsentEvent> observer;
    private final Map<Capability, ConsentStatus> statuses = new EnumMap<>(Capability.class);
    private final Map<Capability, Integer> denials = new EnumMap<>(Capability.class);
    private final Map<Capability, Instant> lastDenial = new EnumMap<>(Capability.class);
    private final ArrayDeque<ConsentEvent> timeline = new ArrayDeque<>();
    private ConsentEvent lastChange;

    public ConsentLedger(Clock clock, Consumer<ConsentEvent> observer) {
        this.clock = clock;
        this.observer = observer;
    }

    public ConsentLedger(Clock clock) {
        this(clock, event -> { });
    }

    public ConsentStatus status(Capability capability) {
        return statuses.getOrDefault(capability, ConsentStatus.NONE);
    }

    public boolean isGranted(Capability capability) {
        return status(capability) == ConsentStatus.GRANTED;
    }

    public int denials(Capability capability) {
        return denials.getOrDefault(capability, 0);
    }

    /**
     * The technician asks. A refusal because of earlier denials is recorded in the timeline (the
     * technician is told) and then thrown, so the person is never asked.
     */
    public void request(Capability capability) {
        switch (status(capability)) {
            case ASKED -> throw new ConsentException(capability, Reason.ALREADY_ASKED, "already asked");
            case GRANTED -> throw new ConsentException(capability, Reason.ALREADY_GRANTED, "already granted");
            default -> {
            }
        }
        int denied = denials(capability);
        if (denied >= MAX_DENIALS) {
            record(capability, Kind.REQUEST_REFUSED, Actor.CUSTOMER_APP);
            throw new ConsentException(capability, Reason.TOO_MANY_DENIALS,
                    "the customer declined " + denied + " times; no more requests in this session");
        }
        Instant last = lastDenial.get(capability);
        if (last != null && clock.instant().isBefore(last.plus(ASK_AGAIN_AFTER_DENIAL))) {
            record(capability, Kind.REQUEST_REFUSED, Actor.CUSTOMER_APP);
            throw new ConsentException(capability, Reason.ASKED_TOO_SOON,
                    "the customer declined just now; ask again in a few seconds");
        }
        move(capability, ConsentStatus.ASKED, Kind.ASKED, Actor.TECHNICIAN);
    }

    /** The customer says yes to a pending request. */
    public void grant(Capability capability) {
        requireAsked(capability);
        move(capability, ConsentStatus.GRANTED, Kind.GRANTED, Actor.CUSTOMER);
    }

    /** The customer says no to a pending request; counts towards the anti-nagging limits. */
    public void deny(Capability capability) {
        requireAsked(capability);
        denials.merge(capability, 1, Integer::sum);
        lastDenial.put(capability, clock.instant());
        move(capability, ConsentStatus.DENIED, Kind.DENIED, Actor.CUSTOMER);
    }

    /**
     * Ends a grant, or withdraws a pending request, at once. The customer revokes, the technician
     * gives up, or the app itself (e.g. the screen cannot be captured). Does not count as a denial.
     */
    public void revoke(Capability capability, Actor by) {
        ConsentStatus now = status(capability);
        if (now != ConsentStatus.GRANTED && now != ConsentStatus.ASKED) {
            throw new ConsentException(capability, Reason.NOT_GRANTED, "nothing to revoke (" + now + ")");
        }
        move(capability, ConsentStatus.REVOKED, Kind.REVOKED, by);
    }

    public ConsentSnapshot snapshot() {
        return new ConsentSnapshot(statuses, Optional.ofNullable(lastChange));
    }

    /** The timeline, oldest first. */
    public List<ConsentEvent> events() {
        return List.copyOf(timeline);
    }

    private void requireAsked(Capability capability) {
        ConsentStatus now = status(capability);
        if (now != ConsentStatus.ASKED) {
            throw new ConsentException(capability, now == ConsentStatus.GRANTED ? Reason.ALREADY_GRANTED : Reason.NOT_ASKED,
                    "no pending request (" + now + ")");
        }
    }

    private void move(Capability capability, ConsentStatus to, Kind kind, Actor actor) {
        statuses.put(capability, to);
        record(capability, kind, actor);
    }

    private void record(Capability capability, Kind kind, Actor actor) {
        ConsentEvent event = new ConsentEvent(capability, kind, actor, clock.instant());
        if (timeline.size() == MAX_EVENTS) {
            timeline.removeFirst();
        }
        timeline.addLast(event);
        lastChange = event;
        observer.accept(event);
    }
}
