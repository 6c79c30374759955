package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverEvent.Kind;
import dev.lifeline.client.handover.HandoverEvent.Outcome;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.client.testing.FakeSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session tab's "Hand over" menu as plain Java. */
class HandoverViewModelTest {
    private final FakeSessions.Technician sessions = new FakeSessions.Technician();

    @Test
    void transferAndWatchGoToTheSessionAndStatusesComeBack() {
        HandoverViewModel vm = new HandoverViewModel();
        vm.roster(List.of("Alice Meyer", "Bob Stone", "Carol King"), "Alice Meyer");
        assertEquals(List.of("Bob Stone", "Carol King"), vm.candidates(), "not to oneself");
        FakeHandle h = handle();
        vm.attach(h);
        vm.transfer("Bob Stone");
        assertTrue(h.handoverCalls.isEmpty(), "nothing before the session is secured");

        vm.available(true);
        vm.transfer("Bob Stone");
        assertTrue(vm.pendingProperty().get());
        vm.transfer("Carol King");
        assertEquals(List.of("handOver:Bob Stone"), h.handoverCalls, "one transfer at a time");
        vm.event(new HandoverEvent(Kind.TRANSFER, Outcome.DECLINED, "Bob Stone", ""));
        assertFalse(vm.pendingProperty().get());
        assertEquals("Transfer to Bob Stone: declined — you keep the session", vm.statusProperty().get());

        vm.invite("Carol King");
        vm.event(new HandoverEvent(Kind.WATCH, Outcome.WATCH_STARTED, "Carol King", ""));
        assertEquals(List.of("Carol King"), vm.watchers());
        vm.endWatch("Carol King");
        vm.event(new HandoverEvent(Kind.WATCH, Outcome.WATCH_ENDED, "Carol King", ""));
        assertEquals(List.of(), vm.watchers());
        assertEquals(List.of("handOver:Bob Stone", "inviteToWatch:Carol King", "endWatch:Carol King"), h.handoverCalls);

        vm.available(false);
        vm.invite("Bob Stone");
        assertEquals(3, h.handoverCalls.size(), "nothing after the end");
    }

    private FakeHandle handle() {
        sessions.join(dev.lifeline.common.pairing.SessionCode.parse("418290573"), new dev.lifeline.client.session.SessionListener() {
        });
        return sessions.last();
    }
}
