package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.InputMessages;
import dev.lifeline.client.control.LocalInputWatch;
import dev.lifeline.client.control.RecordingInjector;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.client.handover.HandoverTicket;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.client.watch.WatchChannel;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.wire.e2e.Clipboard;
import dev.lifeline.common.wire.e2e.ClipboardText;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.relay.contracts.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch end to end (issue 6), real relay, real TLS on loopback: Alice controls Dana's screen and
 * invites Bob to watch; Dana allows it; Bob gets his own channel and sees the screen while Alice
 * controls, a stalled Bob does not slow Alice, Bob's forged input, clipboard and consent requests
 * are refused and counted by Dana's app, and Dana removes Bob in one step.
 */
class WatchOverRelayTest {
    static final int WIDTH = 320;
    static final int HEIGHT = 200;

    @TempDir
    Path dir;

    @RegisterExtension
    final TeamRelay relay = new TeamRelay();
    private final RecordingInjector injector = new RecordingInjector();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.technician("Bob Stone");
        relay.contract("Bakery Schmidt", new Contract.TimeAndMaterial(9000, 15));
    }

    @Test
    void bobWatchesViewOnlyOnHisOwnChannelAndDanaRemovesHim() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(8, WIDTH, HEIGHT, 20));
        CompletableFuture<CustomerLiveSession> dana = new CompletableFuture<>();
        CustomerSessions queued = relay.client().queuedCustomerSessions(relay.ca().root(), ScreenSources.replay(frames, 20),
                new ControlDevices(injector.opener(), LocalInputWatch.NONE), relay.client().defaultDiagnostics(),
                new QueueRequest("printer prints blank pages", "", "Bakery Schmidt"));
        HeadlessRun customer = HeadlessRun.customer((name, listener) -> {
            CustomerSessionHandle h = queued.start(name, listener);
            dana.complete((CustomerLiveSession) h);
            return h;
        }, "Dana Customer", s -> s.allowScreen(true).allowControl(true).allowWatch(true));
        customer.awaitPrefix("queued");
        TransferOverRelayTest.Team alice = TransferOverRelayTest.Team.signIn(relay.client(), "Alice Meyer");
        TransferOverRelayTest.Team bob = TransferOverRelayTest.Team.signIn(relay.client(), "Bob Stone");
        WaitingCustomer waiting = alice.firstWaiting();
        assertTrue(alice.awaitRoster("Bob Stone"));

        Viewer aliceView = new Viewer(Integer.MAX_VALUE);
        TechnicianSessionHandle aliceHandle = relay.client().pick(alice.me.identity(),
                new QueueTicket(alice.me.sessionToken(), waiting.entryId(), waiting.name()), aliceView);
        aliceView.await("secured", () -> aliceView.secured.get() > 0);
        aliceHandle.requestCapabilities(Set.of(Capability.VIEW_SCREEN, Capability.CONTROL_INPUT), "printer driver");
        aliceView.await("Alice's first pictures", () -> aliceView.frames.get() >= 3);

        aliceHandle.inviteToWatch("Bob Stone");
        HandoverOfferInfo offer = bob.offers.poll(20, TimeUnit.SECONDS);
        assertEquals(HandoverEvent.Kind.WATCH, offer.kind());
        // Bob stalls after three pictures: he never marks another one drawn.
        Viewer bobView = new Viewer(3);
        TechnicianSessionHandle bobHandle = relay.client().takeOver(bob.me.identity(),
                new HandoverTicket(bob.me.sessionToken(), offer.offerId(), offer.kind()), bobView);
        assertTrue(customer.awaitPrefix("handover: ").startsWith("handover: Bob Stone wants to watch your screen with Alice Meyer"));
        assertEquals("watchers: Bob Stone", customer.awaitPrefix("watchers: "));
        bobView.await("Bob verified Dana", () -> bobView.secured.get() > 0);
        aliceView.await("Alice told who watches", () -> aliceView.watchers.contains(List.of("Bob Stone")));
        aliceView.await("Alice told the watch started", () -> aliceView.events.stream()
                .anyMatch(e -> e.outcome() == HandoverEvent.Outcome.WATCH_STARTED));

        // Bob sees the screen on his own channel while Alice controls it.
        bobHandle.requestScreen();
        bobView.await("Bob's pictures", () -> bobView.frames.get() >= 3);
        aliceHandle.sendInput(new RemoteInput.Move(0, 5, 6));
        waitFor("Alice's input applied", () -> !injector.done.isEmpty());
        int aliceBefore = aliceView.frames.get();
        aliceView.await("Alice goes on at full speed while Bob is stalled", () -> aliceView.frames.get() >= aliceBefore + 10);
        assertTrue(bobView.frames.get() <= 3 + 3, "a stalled watcher gets only what its last pull credits allowed: " + bobView.frames.get());

        // Chat: Bob follows the conversation and can write himself.
        customer.type("the page is blank");
        bobView.await("Bob sees Dana's line", () -> bobView.chat.contains("Dana Customer: the page is blank"));
        bobHandle.sendChat("hello from Bob");
        customer.awaitPrefix("chat: Bob Stone: hello from Bob");

        // Bob's app forges what a watcher may not send: Dana's app refuses and counts each one.
        LiveSession bobSession = (LiveSession) bobHandle;
        bobSession.onLoop(() -> {
            bobSession.sendMessage(SessionMessage.newBuilder().setInputEvent(InputMessages.toWire(new RemoteInput.Move(0, 77, 77))).build());
            bobSession.sendMessage(SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder()
                    .setPut(ClipboardText.newBuilder().setText("stolen"))).build());
        });
        bobHandle.requestCapabilities(Set.of(Capability.CONTROL_INPUT), "let me");
        bobHandle.sendInput(new RemoteInput.Move(0, 78, 78));
        bobView.await("three refusals", () -> bobView.refusals.size() >= 3);
        CustomerLiveSession danaSession = dana.get(5, TimeUnit.SECONDS);
        WatchChannel channel = danaSession.watchers().channels().get(0);
        waitFor("Dana's app counted", () -> channel.refused() >= 4);
        assertTrue(injector.done.stream().noneMatch(d -> d.contains("77") || d.contains("78")), injector.done::toString);
        assertTrue(bobView.refusals.stream().anyMatch(r -> r.capability() == Capability.CLIPBOARD));

        // Dana removes Bob in one step; Alice's stream goes on.
        customer.type("/remove Bob Stone");
        bobView.await("Bob's watch ended", () -> bobView.end.isDone());
        assertEquals("watchers: none", customer.awaitPrefix("watchers: none"));
        aliceView.await("Alice told nobody watches", () -> aliceView.watchers.contains(List.of()));
        int aliceAfter = aliceView.frames.get();
        aliceView.await("Alice still sees the screen", () -> aliceView.frames.get() >= aliceAfter + 3);

        aliceHandle.end();
        assertEquals(0, customer.awaitExit());
        alice.team.close();
        bob.team.close();
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A technician's listener: counts pictures (marking only the first {@code drawLimit} drawn), chat, refusals. */
    static final class Viewer implements SessionListener {
        final int drawLimit;
        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger secured = new AtomicInteger();
        final List<String> chat = new CopyOnWriteArrayList<>();
        final List<Refusal> refusals = new CopyOnWriteArrayList<>();
        final List<List<String>> watchers = new CopyOnWriteArrayList<>();
        final List<HandoverEvent> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<SessionEnd> end = new CompletableFuture<>();

        Viewer(int drawLimit) {
            this.drawLimit = drawLimit;
        }

        void await(String what, BooleanSupplier condition) throws InterruptedException {
            waitFor(what, condition);
        }

        @Override
        public void onSecured(PeerInfo peer) {
            secured.incrementAndGet();
        }

        @Override
        public void onScreenFrame(RemoteScreenFrame frame) {
            if (frames.incrementAndGet() <= drawLimit) {
                frame.drawn();
            }
        }

        @Override
        public void onChat(ChatLine line) {
            chat.add(line.text());
        }

        @Override
        public void onRefused(Refusal refusal) {
            refusals.add(refusal);
        }

        @Override
        public void onWatchers(List<String> names) {
            watchers.add(names);
        }

        @Override
        public void onHandover(HandoverEvent event) {
            events.add(event);
        }

        @Override
        public void onEnded(SessionEnd sessionEnd) {
            end.complete(sessionEnd);
        }
    }

    @SuppressWarnings("unused")
    private static ByteString bytes(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
