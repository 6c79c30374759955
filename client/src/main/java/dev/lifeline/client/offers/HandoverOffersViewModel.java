package dev.lifeline.client.offers;

import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Issue 6, the receiving technician: the transfers and watch invitations other technicians offer,
 * one card each with Accept / Decline, counting down until the relay lets the offer lapse. Accept
 * hands the offer to the Console (which opens the session or watch tab); Decline tells the relay.
 * FX thread only.
 */
public final class HandoverOffersViewModel {
    /** More open cards than this are not shown (the relay lets the extra ones lapse). */
    public static final int MAX_SHOWN = 8;
    /** The relay gives an offer 60 s; the card never counts down longer, nor shorter than this. */
    static final long MAX_WAIT_MS = 60_000;
    static final long MIN_WAIT_MS = 10_000;

    private final Clock clock;
    private final Consumer<HandoverOfferInfo> taker;
    private final Consumer<HandoverOfferInfo> decliner;
    private final ObservableList<HandoverOfferInfo> offers = FXCollections.observableArrayList();
    /** One read-only view, kept: the wrapper listens weakly, so a fresh one per call would lose listeners. */
    private final ObservableList<HandoverOfferInfo> offersView = FXCollections.unmodifiableObservableList(offers);
    /** Deadlines on this Console's clock: the relay's expiry time may be skewed against ours. */
    private final Map<HandoverOfferInfo, Long> deadlines = new HashMap<>();
    private final LongProperty now = new SimpleLongProperty(this, "now");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");

    /**
     * @param taker    opens the offered session (transfer) or watch tab
     * @param decliner says no to the relay
     */
    public HandoverOffersViewModel(Clock clock, Consumer<HandoverOfferInfo> taker, Consumer<HandoverOfferInfo> decliner) {
        this.clock = Objects.requireNonNull(clock);
        this.taker = Objects.requireNonNull(taker);
        this.decliner = Objects.requireNonNull(decliner);
        now.set(clock.millis());
    }

    /** An offer from the relay: a card, unless it is a repeat or there are too many already. */
    public void offered(HandoverOfferInfo offer) {
        tick();
        if (offers.size() >= MAX_SHOWN || offers.stream().anyMatch(o -> o.is(offer.offerId()))) {
            return;
        }
        long left = Math.max(MIN_WAIT_MS, Math.min(MAX_WAIT_MS, offer.expiresAtMs() - now.get()));
        deadlines.put(offer, now.get() + left);
        notice.set("");
        offers.add(offer);
    }

    /** Accept: the card goes, the Console takes the session on a new connection. */
    public void accept(HandoverOfferInfo offer) {
        tick();
        if (offers.remove(offer)) {
            deadlines.remove(offer);
            notice.set("");
            taker.accept(offer);
        }
    }

    /** Decline: the card goes, the offering technician keeps the session. */
    public void decline(HandoverOfferInfo offer) {
        if (offers.remove(offer)) {
            deadlines.remove(offer);
            decliner.accept(offer);
        }
    }

    /** Counts the cards down (the view calls this every second); lapsed offers go with a note. */
    public void tick() {
        now.set(clock.millis());
        for (HandoverOfferInfo offer : java.util.List.copyOf(offers)) {
            if (now.get() >= deadlines.getOrDefault(offer, 0L)) {
                offers.remove(offer);
                deadlines.remove(offer);
                notice.set("The offer from " + offer.fromTechnician() + " (" + offer.customerName()
                        + ") lapsed; they keep the session.");
            }
        }
    }

    /** The relay's word about an offer this Console answered (e.g. it was no longer open). */
    public void event(HandoverEvent event) {
        if (event.outcome() == HandoverEvent.Outcome.REFUSED || event.outcome() == HandoverEvent.Outcome.EXPIRED) {
            notice.set(event.detail().isEmpty() ? "That offer is no longer open." : "That offer is no longer open: " + event.detail());
        }
    }

    /** An accepted offer could not be taken here (e.g. no technician certificate); in words for the person. */
    public void cannotTake(String why) {
        notice.set(why);
    }

    /** Signed out: no offers can be taken any more. */
    public void clear() {
        offers.clear();
        deadlines.clear();
        notice.set("");
    }

    /** Whole seconds until the card lapses (0 when it has). */
    public long secondsLeft(HandoverOfferInfo offer) {
        long left = deadlines.getOrDefault(offer, now.get()) - now.get();
        return Math.max(0, (left + 999) / 1000);
    }

    public ObservableList<HandoverOfferInfo> offers() {
        return offersView;
    }

    /** Moves every second while cards are open; bind countdowns to it. */
    public ReadOnlyLongProperty nowProperty() {
        return now;
    }

    /** A lapsed or refused offer, in words for the person; empty when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }
}
