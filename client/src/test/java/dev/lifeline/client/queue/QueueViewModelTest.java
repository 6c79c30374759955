package dev.lifeline.client.queue;

import static dev.lifeline.client.testing.FakeTeam.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.queue.QueueViewModel.Notice;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.client.team.WaitingCustomer.Sla;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueViewModelTest {
    /** A clock the test moves. */
    static final class TestClock extends Clock {
        long ms;

        TestClock(long ms) {
            this.ms = ms;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(ms);
        }
    }

    private final TestClock clock = new TestClock(1_000_000);
    private final List<WaitingCustomer> taken = new ArrayList<>();
    private final QueueViewModel vm = new QueueViewModel(clock, taken::add);

    @Test
    void waitingTimeTicksOnTheRelaysClock() {
        // The relay's clock is 5 s ahead of ours; Dana submitted 40 s ago by the relay's clock.
        WaitingCustomer dana = waiting(1, "Dana", "printer", 1_005_000 - 40_000, 600, false, false, Sla.NONE);
        vm.update(List.of(dana), 1_005_000);
        assertEquals("0:40", QueueViewModel.formatWaiting(QueueViewModel.waitingMs(dana, vm.nowProperty().get())));
        clock.ms += 81_000;
        vm.tick();
        assertEquals("2:01", QueueViewModel.formatWaiting(QueueViewModel.waitingMs(dana, vm.nowProperty().get())));
        assertEquals("1:02:09", QueueViewModel.formatWaiting(3_729_000));
    }

    @Test
    void snapshotsReplaceTheListAndKeepTheSelection() {
        WaitingCustomer dana = waiting(1, "Dana", "printer", 0, 600, false, false, Sla.NONE);
        WaitingCustomer eve = waiting(2, "Eve", "mail", 0, 90, true, false, Sla.AT_RISK);
        vm.update(List.of(dana, eve), 0);
        vm.selectedProperty().set(eve);
        WaitingCustomer eveLater = waiting(2, "Eve", "mail", 0, 90, true, false, Sla.BREACHED);
        vm.update(List.of(eveLater), 0);
        assertEquals(List.of(eveLater), vm.waiting());
        assertEquals(eveLater, vm.selectedProperty().get());
        vm.update(List.of(), 0);
        assertNull(vm.selectedProperty().get());
    }

    @Test
    void takeHandsTheEntryToTheConsoleAndALostRaceIsSaid() {
        WaitingCustomer dana = waiting(1, "Dana", "printer", 0, 600, false, false, Sla.NONE);
        vm.update(List.of(dana), 0);
        vm.take(dana);
        assertEquals(List.of(dana), taken);
        vm.lost(dana);
        assertTrue(vm.waiting().isEmpty(), "gone at once, before the next snapshot");
        assertEquals(Notice.TAKEN_BY_ANOTHER, vm.noticeProperty().get());
        assertEquals(dana, vm.noticeAboutProperty().get());
        vm.dismissNotice();
        assertNull(vm.noticeProperty().get());
    }

    @Test
    void aReconnectingCustomerCannotBeTaken() {
        WaitingCustomer away = new WaitingCustomer(3, "Finn", "vpn", "", "", 0, false, "", "", false, 0, false, false, Sla.NONE);
        vm.update(List.of(away), 0);
        vm.take(away);
        assertTrue(taken.isEmpty());
        assertEquals(Notice.NOT_CONNECTED, vm.noticeProperty().get());
    }

    @Test
    void blockHoursSayOkLowOrExhausted() {
        assertEquals("queue.balance.ok", QueueViewModel.balanceKey(waiting(1, "a", "b", 0, 600, false, false, Sla.NONE)));
        assertEquals("queue.balance.low", QueueViewModel.balanceKey(waiting(1, "a", "b", 0, 90, true, false, Sla.NONE)));
        assertEquals("queue.balance.exhausted", QueueViewModel.balanceKey(waiting(1, "a", "b", 0, -30, true, true, Sla.NONE)));
        assertNull(QueueViewModel.balanceKey(new WaitingCustomer(1, "a", "b", "", "", 0, true, "time & material", "",
                false, 0, false, false, Sla.NONE)));
        assertEquals("1.5", QueueViewModel.hours(90));
        assertEquals("10", QueueViewModel.hours(600));
        assertEquals("-0.5", QueueViewModel.hours(-30));
    }

    private static WaitingCustomer at(long id, String name, String problem, String organisation) {
        return new WaitingCustomer(id, name, problem, "", organisation, 1_000_000, true, "", "", false, 0, false, false, Sla.NONE);
    }

    @Test
    void filterByTextAndOrganisation() {
        vm.update(List.of(at(1, "Dana", "printer prints blank pages", "Bakery"), at(2, "Eve", "mail is gone", "Clinic"),
                at(3, "Finn", "Printer jam", "Clinic")), 1_000_000);
        assertEquals(List.of("Bakery", "Clinic"), vm.organisations());
        vm.filterProperty().set("  PRINTER ");
        assertEquals(List.of(1L, 3L), vm.shown().stream().map(WaitingCustomer::entryId).toList());
        vm.organisationProperty().set("Clinic");
        assertEquals(List.of(3L), vm.shown().stream().map(WaitingCustomer::entryId).toList());
        vm.filterProperty().set("");
        assertEquals(List.of(2L, 3L), vm.shown().stream().map(WaitingCustomer::entryId).toList());
        // A new snapshot keeps the filter; the chosen organisation stays a choice while nobody of it waits.
        vm.update(List.of(at(1, "Dana", "printer prints blank pages", "Bakery")), 1_000_000);
        assertTrue(vm.shown().isEmpty());
        assertTrue(vm.organisations().contains("Clinic"));
        vm.organisationProperty().set(null);
        assertEquals(1, vm.shown().size());
        assertEquals(1, vm.waiting().size(), "the filter hides, it does not drop");
    }

    @Test
    void newCustomersAreCountedWhileTheQueueIsNotInFront() {
        vm.update(List.of(at(1, "Dana", "printer", "Bakery")), 1_000_000);
        assertEquals(0, vm.newWaitingProperty().get(), "in front: seen at once");
        vm.inFront(false);
        vm.update(List.of(at(1, "Dana", "printer", "Bakery")), 1_000_000);
        assertEquals(0, vm.newWaitingProperty().get(), "the same customer again is not new");
        vm.update(List.of(at(1, "Dana", "printer", "Bakery"), at(2, "Eve", "mail", "Clinic")), 1_000_000);
        assertEquals(1, vm.newWaitingProperty().get());
        vm.update(List.of(at(2, "Eve", "mail", "Clinic"), at(3, "Finn", "jam", "Clinic")), 1_000_000);
        assertEquals(2, vm.newWaitingProperty().get());
        vm.update(List.of(at(3, "Finn", "jam", "Clinic")), 1_000_000);
        assertEquals(1, vm.newWaitingProperty().get(), "never more new than waiting");
        vm.inFront(true);
        assertEquals(0, vm.newWaitingProperty().get(), "looked at");
    }
}
