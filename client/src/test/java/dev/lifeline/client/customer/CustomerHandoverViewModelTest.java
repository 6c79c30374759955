package dev.lifeline.client.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.handover.CustomerHandoverNotice;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Get Help through a transfer and a watch, as plain Java (no toolkit). */
class CustomerHandoverViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final FakeSessions.Customer sessions = new FakeSessions.Customer();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final GetHelpViewModel vm = new GetHelpViewModel(sessions, uiQueue::add, Clock.fixed(NOW, ZoneOffset.UTC), "ACME Support");

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.remove(0).run();
        }
    }

    private FakeHandle secured(String technician) {
        vm.getHelp();
        FakeHandle h = sessions.last();
        h.listener.onSecured(new PeerInfo(technician, "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        drain();
        return h;
    }

    @Test
    void aTransferShowsTheNoticeKeepsTheChatAndShowsTheNewTechnician() {
        FakeHandle h = secured("Alice Meyer");
        h.listener.onChat(new ChatLine("printer is blank", NOW, false));
        h.listener.onHandoverNotice(new CustomerHandoverNotice(HandoverEvent.Kind.TRANSFER, "Alice Meyer", "Bob Stone"));
        drain();
        CustomerHandoverNotice notice = vm.handover().transferProperty().get();
        assertEquals("Bob Stone", notice.to());
        assertTrue(notice.message().contains("will ask again"), notice.message());

        h.listener.onPeerJoined();
        h.listener.onSecured(new PeerInfo("Bob Stone", "ACME Support", PeerInfo.Trust.VERIFIED, ""));
        drain();
        assertEquals("Bob Stone", vm.technicianProperty().get().name());
        assertEquals(GetHelpViewModel.Step.SECURED, vm.step());
        assertEquals(1, vm.chat().lines().size(), "the chat the customer saw stays");
        vm.handover().dismissTransfer();
        assertNull(vm.handover().transferProperty().get());
    }

    @Test
    void aWatchIsAskedAndTheWatcherIsRemovedInOneClick() {
        FakeHandle h = secured("Alice Meyer");
        // A view listens to the list it got once; that must survive garbage collection.
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.handover().watchers().addListener((javafx.collections.ListChangeListener<String>) c -> changes.incrementAndGet());
        System.gc();
        h.listener.onHandoverNotice(new CustomerHandoverNotice(HandoverEvent.Kind.WATCH, "Alice Meyer", "Bob Stone"));
        drain();
        assertEquals("Bob Stone", vm.handover().watchRequestProperty().get().to());
        vm.handover().allowWatch();
        assertNull(vm.handover().watchRequestProperty().get());
        h.listener.onWatchers(List.of("Bob Stone"));
        drain();
        assertEquals(List.of("Bob Stone"), vm.handover().watchers());
        assertEquals(1, changes.get(), "the view heard the change");
        vm.handover().remove("Bob Stone");
        assertEquals(List.of(), vm.handover().watchers());
        assertEquals(List.of("answerWatch:true", "removeWatcher:Bob Stone"), h.handoverCalls);

        h.listener.onHandoverNotice(new CustomerHandoverNotice(HandoverEvent.Kind.WATCH, "Alice Meyer", "Carol King"));
        drain();
        vm.handover().denyWatch();
        vm.handover().denyWatch(); // a second click does nothing
        assertEquals(List.of("answerWatch:true", "removeWatcher:Bob Stone", "answerWatch:false"), h.handoverCalls);
    }
}
