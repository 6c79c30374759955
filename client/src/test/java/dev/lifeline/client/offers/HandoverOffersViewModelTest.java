package dev.lifeline.client.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.testing.HandClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiving technician's offer cards, without a screen: accept, decline, lapse, repeats and the cap. */
class HandoverOffersViewModelTest {
    private final HandClock clock = new HandClock();
    private final List<HandoverOfferInfo> taken = new ArrayList<>();
    private final List<HandoverOfferInfo> declined = new ArrayList<>();
    private final HandoverOffersViewModel vm = new HandoverOffersViewModel(clock, taken::add, declined::add);

    private HandoverOfferInfo offer(int id, HandoverEvent.Kind kind, long expiresInMs) {
        return new HandoverOfferInfo(new byte[] {(byte) id}, kind, "Alice Meyer", "Dana", clock.millis() + expiresInMs,
                "printer prints blank pages", "driver reinstalled");
    }

    @Test
    void acceptHandsTheOfferToTheConsoleAndDeclineTellsTheRelay() {
        HandoverOfferInfo transfer = offer(1, HandoverEvent.Kind.TRANSFER, 60_000);
        HandoverOfferInfo watch = offer(2, HandoverEvent.Kind.WATCH, 60_000);
        vm.offered(transfer);
        vm.offered(watch);
        assertEquals(List.of(transfer, watch), vm.offers());
        assertEquals(60, vm.secondsLeft(transfer));

        vm.accept(transfer);
        assertEquals(List.of(transfer), taken);
        assertEquals(List.of(watch), vm.offers());
        vm.accept(transfer);
        assertEquals(1, taken.size(), "a card is taken once");

        vm.decline(watch);
        assertEquals(List.of(watch), declined);
        assertTrue(vm.offers().isEmpty());
        assertTrue(taken.stream().noneMatch(o -> o == watch));
    }

    @Test
    void aCardLapsesWithTheOfferAndSaysSo() {
        HandoverOfferInfo transfer = offer(1, HandoverEvent.Kind.TRANSFER, 60_000);
        vm.offered(transfer);
        clock.advance(45_500);
        vm.tick();
        assertEquals(15, vm.secondsLeft(transfer));
        clock.advance(14_500);
        vm.tick();
        assertTrue(vm.offers().isEmpty());
        assertEquals("The offer from Alice Meyer (Dana) lapsed; they keep the session.", vm.noticeProperty().get());
        vm.accept(transfer);
        assertTrue(taken.isEmpty(), "a lapsed offer cannot be accepted any more");
        assertTrue(declined.isEmpty());
    }

    @Test
    void theCountdownUsesThisConsolesClockWithinTheRelaysMinute() {
        // The relay's clock is 10 minutes ahead: the card still counts at most the relay's 60 s.
        HandoverOfferInfo ahead = offer(1, HandoverEvent.Kind.TRANSFER, 600_000);
        // ... or behind: the card still stays long enough to be read.
        HandoverOfferInfo behind = offer(2, HandoverEvent.Kind.WATCH, -600_000);
        vm.offered(ahead);
        vm.offered(behind);
        assertEquals(60, vm.secondsLeft(ahead));
        assertEquals(10, vm.secondsLeft(behind));
    }

    @Test
    void repeatsAreShownOnceAndCardsAreCapped() {
        vm.offered(offer(1, HandoverEvent.Kind.TRANSFER, 60_000));
        vm.offered(offer(1, HandoverEvent.Kind.TRANSFER, 60_000));
        assertEquals(1, vm.offers().size());
        for (int i = 2; i < 20; i++) {
            vm.offered(offer(i, HandoverEvent.Kind.WATCH, 60_000));
        }
        assertEquals(HandoverOffersViewModel.MAX_SHOWN, vm.offers().size());
    }

    @Test
    void theRelaysRefusalOfAnAnswerIsShownAndSignOutClearsEverything() {
        vm.offered(offer(1, HandoverEvent.Kind.TRANSFER, 60_000));
        vm.event(new HandoverEvent(HandoverEvent.Kind.TRANSFER, HandoverEvent.Outcome.REFUSED, "Alice Meyer",
                "offer unknown or already answered"));
        assertEquals("That offer is no longer open: offer unknown or already answered", vm.noticeProperty().get());
        vm.clear();
        assertTrue(vm.offers().isEmpty());
        assertEquals("", vm.noticeProperty().get());
    }
}
