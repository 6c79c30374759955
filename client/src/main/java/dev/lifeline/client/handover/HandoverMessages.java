package dev.lifeline.client.handover;

import dev.lifeline.common.wire.e2e.HandoverIntent;
import dev.lifeline.common.wire.relay.HandoverKind;
import dev.lifeline.common.wire.relay.HandoverOffer;
import dev.lifeline.common.wire.relay.HandoverStatus;
import java.util.Optional;

/** Between the wire's handover frames and the app's records. */
public final class HandoverMessages {
    static final int MAX_TEXT = 200;

    private HandoverMessages() {
    }

    public static HandoverKind toWire(HandoverEvent.Kind kind) {
        return kind == HandoverEvent.Kind.TRANSFER ? HandoverKind.HANDOVER_TRANSFER : HandoverKind.HANDOVER_WATCH;
    }

    public static HandoverIntent.Kind toIntent(HandoverEvent.Kind kind) {
        return kind == HandoverEvent.Kind.TRANSFER ? HandoverIntent.Kind.TRANSFER : HandoverIntent.Kind.WATCH;
    }

    public static Optional<HandoverEvent.Kind> fromWire(HandoverKind kind) {
        return switch (kind) {
            case HANDOVER_TRANSFER -> Optional.of(HandoverEvent.Kind.TRANSFER);
            case HANDOVER_WATCH -> Optional.of(HandoverEvent.Kind.WATCH);
            default -> Optional.empty();
        };
    }

    public static Optional<HandoverEvent.Kind> fromIntent(HandoverIntent.Kind kind) {
        return switch (kind) {
            case TRANSFER -> Optional.of(HandoverEvent.Kind.TRANSFER);
            case WATCH -> Optional.of(HandoverEvent.Kind.WATCH);
            default -> Optional.empty();
        };
    }

    /** A status from the relay as the Console shows it; a status of no known kind counts as a transfer's. */
    public static HandoverEvent event(HandoverStatus status) {
        HandoverEvent.Kind kind = fromWire(status.getKind()).orElse(HandoverEvent.Kind.TRANSFER);
        HandoverEvent.Outcome outcome = switch (status.getOutcome()) {
            case OUTCOME_PENDING -> HandoverEvent.Outcome.PENDING;
            case OUTCOME_DECLINED -> HandoverEvent.Outcome.DECLINED;
            case OUTCOME_EXPIRED -> HandoverEvent.Outcome.EXPIRED;
            case OUTCOME_COMPLETED -> HandoverEvent.Outcome.COMPLETED;
            case OUTCOME_WATCH_STARTED -> HandoverEvent.Outcome.WATCH_STARTED;
            case OUTCOME_WATCH_ENDED -> HandoverEvent.Outcome.WATCH_ENDED;
            case OUTCOME_REFUSED_BY_CUSTOMER -> HandoverEvent.Outcome.REFUSED_BY_CUSTOMER;
            default -> HandoverEvent.Outcome.REFUSED;
        };
        return new HandoverEvent(kind, outcome, cut(status.getTechnician()), cut(status.getDetail()));
    }

    public static Optional<HandoverOfferInfo> offer(HandoverOffer offer) {
        return fromWire(offer.getKind()).map(kind -> new HandoverOfferInfo(offer.getOfferId().toByteArray(), kind,
                cut(offer.getFromTechnician()), cut(offer.getCustomerName()), offer.getExpiresAtMs(),
                new HandoverNote(offer.getProblem(), "").problem(), new HandoverNote("", offer.getNote()).note()));
    }

    static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
