package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.LocalInputWatch;
import dev.lifeline.client.control.RecordingInjector;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.handover.HandoverTicket;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.relay.contracts.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watcher whose connection is cut (real relay, TLS, H2; Bob's take goes through a proxy that
 * resets both sockets) resumes watching like any session: Dana's app keeps him in its watcher
 * list, Alice is not told the watch ended, and pictures and chat flow again after the reconnect.
 */
class WatchResumeOverRelayTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TeamRelay relay = new TeamRelay();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.technician("Bob Stone");
        relay.contract("Bakery Schmidt", new Contract.TimeAndMaterial(9000, 15));
    }

    /** Bob's listener: pictures (all marked drawn), chat, link states, the end. */
    static final class Watcher implements SessionListener {
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger secured = new AtomicInteger();
        final List<String> chat = new CopyOnWriteArrayList<>();
        final List<LinkState> links = new CopyOnWriteArrayList<>();
        final CompletableFuture<SessionEnd> end = new CompletableFuture<>();

        @Override
        public void onSecured(PeerInfo peer) {
            secured.incrementAndGet();
        }

        @Override
        public void onScreenFrame(RemoteScreenFrame frame) {
            frames.incrementAndGet();
            frame.drawn();
        }

        @Override
        public void onChat(ChatLine line) {
            chat.add(line.text());
        }

        @Override
        public void onLinkState(LinkState state) {
            links.add(state);
        }

        @Override
        public void onEnded(SessionEnd sessionEnd) {
            end.complete(sessionEnd);
        }
    }

    @Test
    void aCutWatcherResumesWatchingInsteadOfEnding() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(8, 320, 200, 20));
        HeadlessRun customer = HeadlessRun.customer(relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.replay(frames, 20),
                new ControlDevices(new RecordingInjector().opener(), LocalInputWatch.NONE), relay.client().defaultDiagnostics(),
                new QueueRequest("printer prints blank pages", "", "Bakery Schmidt")),
                "Dana Customer", s -> s.allowScreen(true).allowWatch(true));
        customer.awaitPrefix("queued");
        TransferOverRelayTest.Team alice = TransferOverRelayTest.Team.signIn(relay.client(), "Alice Meyer");
        TransferOverRelayTest.Team bob = TransferOverRelayTest.Team.signIn(relay.client(), "Bob Stone");
        WaitingCustomer waiting = alice.firstWaiting();
        assertTrue(alice.awaitRoster("Bob Stone"));
        WatchOverRelayTest.Viewer aliceView = new WatchOverRelayTest.Viewer(Integer.MAX_VALUE);
        TechnicianSessionHandle aliceHandle = relay.client().pick(alice.me.identity(),
                new QueueTicket(alice.me.sessionToken(), waiting.entryId(), waiting.name()), aliceView);
        aliceView.await("Alice secured", () -> aliceView.secured.get() > 0);
        aliceHandle.requestCapabilities(Set.of(Capability.VIEW_SCREEN), "printer driver");

        try (CuttableProxy proxy = new CuttableProxy(relay.relay().port());
             RelayClient viaProxy = new RelayClient(new RelayEndpoint("127.0.0.1", proxy.port(), relay.relay().certificateFingerprint()))) {
            aliceHandle.inviteToWatch("Bob Stone");
            HandoverOfferInfo offer = bob.offers.poll(20, TimeUnit.SECONDS);
            Watcher bobView = new Watcher();
            TechnicianSessionHandle bobHandle = viaProxy.takeOver(bob.me.identity(),
                    new HandoverTicket(bob.me.sessionToken(), offer.offerId(), offer.kind()), bobView);
            assertEquals("watchers: Bob Stone", customer.awaitPrefix("watchers: "));
            WatchOverRelayTest.waitFor("Bob secured", () -> bobView.secured.get() > 0);
            bobHandle.requestScreen();
            WatchOverRelayTest.waitFor("Bob's pictures", () -> bobView.frames.get() >= 3);

            proxy.cutAll();
            WatchOverRelayTest.waitFor("Bob reconnecting", () -> bobView.links.contains(LinkState.RECONNECTING));
            WatchOverRelayTest.waitFor("Bob back", () -> bobView.links.indexOf(LinkState.CONNECTED)
                    > bobView.links.indexOf(LinkState.RECONNECTING));
            int before = bobView.frames.get();
            WatchOverRelayTest.waitFor("pictures again after the cut", () -> bobView.frames.get() >= before + 5);
            customer.type("is it back?");
            WatchOverRelayTest.waitFor("Bob follows the chat again", () -> bobView.chat.contains("Dana Customer: is it back?"));
            bobHandle.sendChat("yes, still watching");
            customer.awaitPrefix("chat: Bob Stone: yes, still watching");

            assertFalse(bobView.end.isDone(), "the watch did not end");
            assertEquals(1, bobView.secured.get(), "resumed, not a new handshake");
            assertFalse(customer.lines().contains("watchers: none"), customer.lines()::toString);
            assertTrue(aliceView.events.stream().noneMatch(e -> e.outcome() == HandoverEvent.Outcome.WATCH_ENDED),
                    "Alice was not told the watch ended");
            assertTrue(proxy.connectionsCut() >= 1);

            aliceHandle.end();
            WatchOverRelayTest.waitFor("the watch ends with the session", () -> bobView.end.isDone());
        }
        assertEquals(0, customer.awaitExit());
        alice.team.close();
        bob.team.close();
    }
}
