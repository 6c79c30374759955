package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.LocalInputWatch;
import dev.lifeline.client.control.MouseButton;
import dev.lifeline.client.control.RecordingInjector;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.PointerMove;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote control over a real relay with a recording injector on the customer's side: input
 * arrives only with the grant, exactly where the technician pointed; forged and malformed events
 * are refused and never applied; the panic key revokes control and pauses the screen at once.
 */
class RemoteControlOverRelayTest {
    @TempDir
    Path dir;

    private RunningRelay relay;
    private RelayClient client;
    private TechnicianIdentity alice;
    private final RecordingInjector injector = new RecordingInjector();
    private final List<SessionHandle> toEnd = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay")).bindAddress("127.0.0.1").port(0).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        alice = OrganisationCa.create("ACME Support").issueTechnician("Alice Meyer", Duration.ofDays(1));
    }

    @AfterEach
    void stop() {
        toEnd.forEach(SessionHandle::end);
        client.close();
        relay.close();
    }

    private record Pair(CustomerLiveSession customer, ScreenProbe customerProbe,
                        TechnicianLiveSession technician, ScreenProbe technicianProbe) {
    }

    /** Secured, the screen shared (160x100 replay frames), nothing else granted. */
    private Pair sharing() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(3, 160, 100, 5));
        ScreenProbe customerProbe = new ScreenProbe();
        CompletableFuture<SessionCode> code = new CompletableFuture<>();
        SessionListener waitingForCode = new SessionListener() {
            @Override
            public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                code.complete(c);
            }
        };
        CustomerLiveSession customer = (CustomerLiveSession) client.customerSessions(null, ScreenSources.replay(frames, 10),
                new ControlDevices(injector.opener(), LocalInputWatch.NONE)).start("Dana", new ForwardingListener(waitingForCode, customerProbe));
        toEnd.add(customer);
        ScreenProbe technicianProbe = new ScreenProbe();
        TechnicianLiveSession technician = (TechnicianLiveSession) client.technicianSessions(alice)
                .join(code.get(10, TimeUnit.SECONDS), technicianProbe);
        toEnd.add(technician);
        technicianProbe.secured.get(10, TimeUnit.SECONDS);
        technician.requestScreen();
        awaitTrue(() -> customerProbe.requests.get() == 1, "the screen request");
        customer.answerScreenRequest(true);
        technicianProbe.awaitState(Status.SHARING);
        return new Pair(customer, customerProbe, technician, technicianProbe);
    }

    private static void grantControl(Pair p) {
        p.technician().requestCapabilities(Set.of(Capability.CONTROL_INPUT), "to fix the printer");
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the customer is asked");
        p.customer().grant(Capability.CONTROL_INPUT);
        awaitTrue(() -> p.technicianProbe().lastControl().state() == ControlStatus.State.READY, "the Console hears control is ready");
    }

    /** A chat line after the input: once it arrives, the input before it was handled. */
    private static void roundTrip(Pair p, String marker) {
        p.technician().sendChat(marker);
        awaitTrue(() -> {
            synchronized (p.customerProbe()) {
                return p.customerProbe().chat.contains(marker);
            }
        }, "the marker line");
    }

    @Test
    void inputWithoutTheGrantIsRefusedAndWithItArrivesWhereThePointerWas() throws Exception {
        Pair p = sharing();
        p.technician().sendInput(new RemoteInput.Move(0, 10, 10));
        awaitTrue(() -> p.technicianProbe().refusals.size() == 1, "refused without a grant");
        assertEquals(new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 1), p.technicianProbe().refusals.get(0));

        grantControl(p);
        p.technician().sendInput(new RemoteInput.Move(0, 10, 10));
        p.technician().sendInput(new RemoteInput.Button(0, 159, 99, MouseButton.LEFT, true));
        p.technician().sendInput(new RemoteInput.Button(0, 159, 99, MouseButton.LEFT, false));
        p.technician().sendInput(new RemoteInput.Text("ok"));
        roundTrip(p, "after input");
        awaitTrue(() -> injector.done.size() == 7, "applied on the input thread");
        assertEquals(List.of("move 10,10", "move 159,99", "press LEFT", "move 159,99", "release LEFT", "type o", "type k"),
                injector.done);
        assertEquals(1, p.customer().consent().refusals(), "nothing granted was refused");
    }

    @Test
    void malformedEventsAreRefusedNeverAppliedAndReported() throws Exception {
        Pair p = sharing();
        grantControl(p);
        p.technician().onLoop(() -> p.technician().sendMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.newBuilder()
                .setMove(PointerMove.newBuilder().setMonitor(0).setX(160).setY(5))).build()));
        awaitTrue(() -> p.technicianProbe().lastControl().invalidEvents() == 1, "the Console is told");
        assertTrue(injector.done.isEmpty());
        assertEquals(1, p.customer().control().invalid());
    }

    @Test
    void thePanicKeyRevokesControlAndPausesTheScreenAtOnceEvenWithAButtonHeld() throws Exception {
        Pair p = sharing();
        grantControl(p);
        p.technician().sendInput(new RemoteInput.Key(KeyEvent.VK_SHIFT, true));
        p.technician().sendInput(new RemoteInput.Button(0, 20, 20, MouseButton.LEFT, true));
        roundTrip(p, "holding");
        awaitTrue(() -> injector.done.contains("press LEFT"), "the technician holds the mouse");

        p.customer().panic(); // what the hotkey calls
        p.technicianProbe().awaitState(Status.PAUSED);
        awaitTrue(() -> p.technicianProbe().lastConsent().status(Capability.CONTROL_INPUT) == ConsentStatus.REVOKED,
                "the Console sees control revoked");
        awaitTrue(() -> injector.done.contains("release LEFT") && injector.done.contains("key- 16"), "held input let go");
        ConsentEvent last = p.customer().consent().timeline().get(p.customer().consent().timeline().size() - 1);
        assertEquals(Capability.CONTROL_INPUT, last.capability());
        assertEquals(ConsentEvent.Kind.REVOKED, last.kind());
        assertEquals(ConsentEvent.Actor.CUSTOMER, last.actor(), "the timeline records the customer's revocation");

        int before = injector.done.size();
        p.technician().sendInput(new RemoteInput.Move(0, 30, 30));
        awaitTrue(() -> p.technicianProbe().refusals.size() == 1, "input after the panic key is refused");
        assertEquals(before, injector.done.size());
    }
}
