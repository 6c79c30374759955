package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.LocalInputWatch;
import dev.lifeline.client.control.MouseButton;
import dev.lifeline.client.control.RecordingInjector;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.PointerMove;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote control over a real relay with a recording injector on the customer's side: input
 * arrives only with the grant, exactly where the technician pointed; forged and malformed events
 * are refused and never applied; the panic key revokes control and pauses the screen at once.
 */
class RemoteControlOverRelayTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay();

    private final RecordingInjector injector = new RecordingInjector();

    /** Secured, the screen shared (160x100 replay frames), nothing else granted. */
    private Pair<ScreenProbe> sharing() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(3, 160, 100, 5));
        Pair<ScreenProbe> p = paired.pair(paired.client().customerSessions(null, ScreenSources.replay(frames, 10),
                new ControlDevices(injector.opener(), LocalInputWatch.NONE)), new ScreenProbe(), new ScreenProbe());
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the screen request");
        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);
        return p;
    }

    private static void grantControl(Pair<ScreenProbe> p) {
        p.technician().requestCapabilities(Set.of(Capability.CONTROL_INPUT), "to fix the printer");
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the customer is asked");
        p.customer().grant(Capability.CONTROL_INPUT);
        awaitTrue(() -> p.technicianProbe().lastControl().state() == ControlStatus.State.READY, "the Console hears control is ready");
    }

    /** A chat line after the input: once it arrives, the input before it was handled. */
    private static void roundTrip(Pair<ScreenProbe> p, String marker) {
        p.technician().sendChat(marker);
        awaitTrue(() -> {
            synchronized (p.customerProbe()) {
                return p.customerProbe().chat.contains(marker);
            }
        }, "the marker line");
    }

    @Test
    void inputWithoutTheGrantIsRefusedAndWithItArrivesWhereThePointerWas() throws Exception {
        Pair<ScreenProbe> p = sharing();
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
        Pair<ScreenProbe> p = sharing();
        grantControl(p);
        p.technician().onLoop(() -> p.technician().sendMessage(SessionMessage.newBuilder().setInputEvent(InputEvent.newBuilder()
                .setMove(PointerMove.newBuilder().setMonitor(0).setX(160).setY(5))).build()));
        awaitTrue(() -> p.technicianProbe().lastControl().invalidEvents() == 1, "the Console is told");
        assertTrue(injector.done.isEmpty());
        assertEquals(1, p.customer().control().invalid());
    }

    @Test
    void thePanicKeyRevokesControlAndPausesTheScreenAtOnceEvenWithAButtonHeld() throws Exception {
        Pair<ScreenProbe> p = sharing();
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
