package dev.lifeline.client.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.testing.HandClock;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Console's sending side: moves coalesced, order kept, text cut into accepted pieces. */
class InputSenderTest {
    private final HandClock clock = new HandClock();
    private final List<SessionMessage> sent = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final InputSender sender = new InputSender(sent::add, new RemoteControl.SessionThread() {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void schedule(Runnable task, long delayMs) {
            scheduled.add(task);
        }
    }, clock::millis);

    private List<RemoteInput> sentInputs() throws InvalidInputException {
        List<RemoteInput> out = new ArrayList<>();
        for (SessionMessage m : sent) {
            if (m.hasInputEvent()) {
                out.add(InputMessages.fromWire(m.getInputEvent(), List.of(new dev.lifeline.client.screen.MonitorInfo(
                        0, "m", 0, 0, 4000, 4000, true))));
            }
        }
        return out;
    }

    @Test
    void movesWithinOneIntervalAreCoalescedToTheNewest() throws Exception {
        sender.send(new RemoteInput.Move(0, 1, 1));
        for (int i = 2; i <= 50; i++) {
            sender.send(new RemoteInput.Move(0, i, i));
        }
        assertEquals(List.of(new RemoteInput.Move(0, 1, 1)), sentInputs(), "the first goes at once, the rest wait");
        assertEquals(1, scheduled.size(), "one flush scheduled, not 49");
        clock.advance(InputSender.MOVE_INTERVAL_MS);
        scheduled.remove(0).run();
        assertEquals(List.of(new RemoteInput.Move(0, 1, 1), new RemoteInput.Move(0, 50, 50)), sentInputs());
    }

    @Test
    void aClickFlushesThePendingMoveFirst() throws Exception {
        sender.send(new RemoteInput.Move(0, 1, 1));
        sender.send(new RemoteInput.Move(0, 9, 9));
        sender.send(new RemoteInput.Button(0, 9, 9, MouseButton.LEFT, true));
        assertEquals(List.of(new RemoteInput.Move(0, 1, 1), new RemoteInput.Move(0, 9, 9),
                new RemoteInput.Button(0, 9, 9, MouseButton.LEFT, true)), sentInputs());
        scheduled.forEach(Runnable::run);
        assertEquals(3, sentInputs().size(), "the scheduled flush finds nothing left");
    }

    @Test
    void longTextGoesInPiecesTheCustomerAccepts() throws Exception {
        String text = "x".repeat(255) + "😀" + "y".repeat(300);
        sender.send(new RemoteInput.Text(text));
        List<RemoteInput> pieces = sentInputs();
        assertEquals(3, pieces.size());
        StringBuilder joined = new StringBuilder();
        pieces.forEach(p -> joined.append(((RemoteInput.Text) p).text()));
        assertEquals(text, joined.toString(), "no character split or lost");
    }

    @Test
    void floodsAreBoundedButReleasesAlwaysGo() throws Exception {
        for (int i = 0; i < 1000; i++) {
            sender.send(new RemoteInput.Key(KeyEvent.VK_A, true));
        }
        assertEquals(InputSender.BURST, sent.size());
        sender.send(new RemoteInput.Key(KeyEvent.VK_A, false));
        sender.send(new RemoteInput.ReleaseAll());
        assertEquals(InputSender.BURST + 2, sent.size(), "a release is never dropped");
        assertTrue(sender.dropped() > 0);
    }

    @Test
    void laserPointsAreCoalescedAndHidingGoesAtOnce() {
        sender.laser(0, 1, 1, true);
        sender.laser(0, 2, 2, true);
        sender.laser(0, 3, 3, true);
        assertEquals(1, sent.size());
        sender.laser(0, 0, 0, false);
        assertEquals(2, sent.size());
        assertEquals(false, sent.get(1).getLaserPointer().getVisible());
    }
}
