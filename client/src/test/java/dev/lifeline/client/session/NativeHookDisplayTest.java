package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.RecordingInjector;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.nativeinput.Hotkey;
import dev.lifeline.client.nativeinput.NativeHook;
import dev.lifeline.client.nativeinput.NativeLocalInputWatch;
import dev.lifeline.client.nativeinput.PanicHotkey;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jnativehook on a real X display (Xvfb), keys and pointer moved with xdotool as a person would:
 * the panic hotkey revokes control and pauses the screen through the session; the customer's own
 * pointer movement pauses remote input and the Console hears "customer is using the mouse".
 */
@Tag("display")
class NativeHookDisplayTest {
    @TempDir
    Path dir;

    private RunningRelay relay;
    private RelayClient client;
    private CustomerLiveSession customer;
    private TechnicianLiveSession technician;
    private final ScreenProbe customerProbe = new ScreenProbe();
    private final ScreenProbe technicianProbe = new ScreenProbe();
    private final RecordingInjector injector = new RecordingInjector();
    private PanicHotkey panic;

    @BeforeEach
    void start() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        assumeTrue(NativeHook.shared().start().isEmpty(), "the global hook does not start here: " + NativeHook.shared().start());
        assumeTrue(new ProcessBuilder("xdotool", "version").start().waitFor() == 0, "xdotool is not installed");
        relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay")).bindAddress("127.0.0.1").port(0).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        TechnicianIdentity alice = OrganisationCa.create("ACME").issueTechnician("Alice", Duration.ofDays(1));
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(2, 1920, 1080, 5));
        CompletableFuture<SessionCode> code = new CompletableFuture<>();
        customer = (CustomerLiveSession) client.customerSessions(null, ScreenSources.replay(frames, 5),
                new ControlDevices(injector.opener(), new NativeLocalInputWatch(NativeHook.shared())))
                .start("Dana", new ForwardingListener(new SessionListener() {
                    @Override
                    public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                        code.complete(c);
                    }
                }, customerProbe));
        technician = (TechnicianLiveSession) client.technicianSessions(alice).join(code.get(10, TimeUnit.SECONDS), technicianProbe);
        technicianProbe.secured.get(10, TimeUnit.SECONDS);
        technician.requestScreen();
        awaitTrue(() -> customerProbe.requests.get() == 1, "the screen request");
        customer.answerScreenRequest(true);
        technicianProbe.awaitState(Status.SHARING);
        technician.requestCapabilities(Set.of(Capability.CONTROL_INPUT), "");
        awaitTrue(() -> customerProbe.prompts.size() == 1, "the control request");
        customer.grant(Capability.CONTROL_INPUT);
        awaitTrue(() -> technicianProbe.lastControl().state() == ControlStatus.State.READY, "control ready");
    }

    @AfterEach
    void stop() {
        if (panic != null) {
            PanicHotkey.uninstall(panic);
        }
        if (technician != null) {
            technician.end();
        }
        if (client != null) {
            client.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private static void xdotool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "xdotool";
        System.arraycopy(args, 0, command, 1, args.length);
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), "xdotool " + String.join(" ", args));
    }

    @Test
    void thePanicHotkeyRevokesControlAndPausesTheScreen() throws Exception {
        java.util.concurrent.atomic.AtomicLong hookSawIt = new java.util.concurrent.atomic.AtomicLong();
        panic = PanicHotkey.installed(NativeHook.shared(), Hotkey.PANIC_DEFAULT, () -> {
            hookSawIt.set(System.currentTimeMillis());
            customer.panic(); // what Get Help's hotkey calls, through its view model
        });
        long pressedAt = System.currentTimeMillis();
        xdotool("key", "ctrl+alt+shift+End");
        awaitTrue(() -> customer.consent().snapshot().status(Capability.CONTROL_INPUT) == ConsentStatus.REVOKED, "control revoked");
        ConsentEvent revoked = customer.consent().timeline().stream()
                .filter(e -> e.capability() == Capability.CONTROL_INPUT && e.kind() == ConsentEvent.Kind.REVOKED)
                .findFirst().orElseThrow();
        // Reported, not asserted: speed is for the benchmarks page (docs/remote-control.md).
        System.out.println("panic key: control revoked " + (revoked.at().toEpochMilli() - pressedAt)
                + " ms after xdotool was started, " + (revoked.at().toEpochMilli() - hookSawIt.get())
                + " ms after the hook saw the key");
        assertEquals(ConsentEvent.Actor.CUSTOMER, revoked.actor());
        technicianProbe.awaitState(Status.PAUSED);
        awaitTrue(() -> technicianProbe.lastConsent().status(Capability.CONTROL_INPUT) == ConsentStatus.REVOKED,
                "the Console sees it");
    }

    @Test
    void theCustomersOwnMouseMovementPausesRemoteInput() throws Exception {
        technician.sendInput(new RemoteInput.Move(0, 100, 100));
        awaitTrue(() -> injector.done.contains("move 100,100"), "remote input applied");
        xdotool("mousemove", "700", "500"); // the customer's hand (xdotool is not our injector)
        awaitTrue(() -> technicianProbe.lastControl().state() == ControlStatus.State.CUSTOMER_ACTIVE,
                "the Console hears the customer is using the mouse");
        assertEquals(ControlStatus.LocalDevice.MOUSE, technicianProbe.lastControl().device());
        awaitTrue(() -> technicianProbe.lastControl().state() == ControlStatus.State.READY, "ready again a second later");
    }
}
