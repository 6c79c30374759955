package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentEvent.Kind;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.wire.e2e.Clipboard;
import dev.lifeline.common.wire.e2e.ClipboardText;
import dev.lifeline.common.wire.e2e.ConsentRequest;
import dev.lifeline.common.wire.e2e.FileOffer;
import dev.lifeline.common.wire.e2e.FileTransfer;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.KeyStroke;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent end to end over a real relay: the technician forges control, clipboard and file messages
 * (sent straight into its sealed channel, as a modified Console could) and the customer's app
 * refuses every one without a live grant, counts it and tells both sides.
 */
class ConsentOverRelayTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay();

    private Pair<ScreenProbe> connect() throws Exception {
        Path frames = SyntheticScreens.writePngs(dir.resolve("frames"), SyntheticScreens.frames(3, 160, 100, 5));
        return paired.pair(paired.client().customerSessions(null, ScreenSources.replay(frames, 10)), new ScreenProbe(), new ScreenProbe());
    }

    private static SessionMessage input() {
        return SessionMessage.newBuilder().setInputEvent(InputEvent.newBuilder().setKey(KeyStroke.newBuilder().setKeyCode(65).setPressed(true))).build();
    }

    private static SessionMessage clipboard() {
        return SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder().setPut(ClipboardText.newBuilder().setText("rm -rf ~"))).build();
    }

    private static SessionMessage file() {
        return SessionMessage.newBuilder().setFileTransfer(FileTransfer.newBuilder().setTransferId(1)
                .setOffer(FileOffer.newBuilder().setName("payload.exe").setSize(2).setChunkSize(65536)
                        .setSha256(ByteString.copyFrom(new byte[32])))).build();
    }

    /** Sends straight into the technician's sealed channel, past every check of the Console. */
    private static void forge(TechnicianLiveSession technician, SessionMessage... messages) {
        technician.onLoop(() -> List.of(messages).forEach(technician::sendMessage));
    }

    /** A chat line after the forged messages: once it arrives, everything before it was handled. */
    private static void roundTrip(Pair<ScreenProbe> p, String marker) {
        p.technician().sendChat(marker);
        awaitTrue(() -> {
            synchronized (p.customerProbe()) {
                return p.customerProbe().chat.contains(marker);
            }
        }, "the marker line");
    }

    @Test
    void forgedControlClipboardAndFileMessagesWithoutGrantAreRefusedCountedAndReported() throws Exception {
        Pair<ScreenProbe> p = connect();
        forge(p.technician(), input(), clipboard(), file());

        awaitTrue(() -> p.technicianProbe().refusals.size() == 3, "the technician is told of three refusals");
        assertEquals(List.of(
                new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 1),
                new Refusal(Capability.CLIPBOARD, "CLIPBOARD", 2),
                new Refusal(Capability.TRANSFER_FILES, "FILE_TRANSFER", 3)), p.technicianProbe().refusals);
        assertEquals(p.technicianProbe().refusals, p.customerProbe().refusals, "the customer is shown the same");
        assertEquals(3, p.customer().consent().refusals());
        assertTrue(p.customer().consent().snapshot().granted().isEmpty(), "forging grants nothing");
    }

    @Test
    void grantsAreHonouredAndARevokedGrantIsEnforcedAtOnce() throws Exception {
        Pair<ScreenProbe> p = connect();
        p.technician().requestCapabilities(Set.of(Capability.CONTROL_INPUT, Capability.CLIPBOARD), "to fix the printer settings");
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the customer is asked");
        assertEquals(Set.of(Capability.CONTROL_INPUT, Capability.CLIPBOARD), p.customerProbe().prompts.get(0).capabilities());
        assertEquals("to fix the printer settings", p.customerProbe().prompts.get(0).reason());
        awaitTrue(() -> p.technicianProbe().lastConsent().status(Capability.CLIPBOARD) == ConsentStatus.ASKED,
                "the Console sees what is asked");

        p.customer().grant(Capability.CONTROL_INPUT);
        p.customer().deny(Capability.CLIPBOARD);
        awaitTrue(() -> p.technicianProbe().lastConsent().granted().equals(Set.of(Capability.CONTROL_INPUT))
                && p.technicianProbe().lastConsent().status(Capability.CLIPBOARD) == ConsentStatus.DENIED,
                "the Console sees the grants");

        forge(p.technician(), input());
        roundTrip(p, "after granted input");
        assertEquals(0, p.customer().consent().refusals(), "a granted input event is not refused");

        forge(p.technician(), clipboard());
        awaitTrue(() -> p.technicianProbe().refusals.size() == 1, "a denied capability is refused");
        assertEquals(Capability.CLIPBOARD, p.technicianProbe().refusals.get(0).capability());

        // Revoke, then the technician's very next message: refused, no grace period.
        p.customer().revoke(Capability.CONTROL_INPUT);
        awaitTrue(() -> p.customerProbe().lastConsent().status(Capability.CONTROL_INPUT) == ConsentStatus.REVOKED,
                "revoked");
        forge(p.technician(), input());
        awaitTrue(() -> p.technicianProbe().refusals.size() == 2, "the revoked grant is enforced");
        assertEquals(new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 2), p.technicianProbe().refusals.get(1));
        awaitTrue(() -> p.technicianProbe().lastConsent().status(Capability.CONTROL_INPUT) == ConsentStatus.REVOKED,
                "the Console sees the revocation");

        List<Kind> timeline = p.customer().consent().timeline().stream().map(ConsentEvent::kind).toList();
        assertEquals(List.of(Kind.ASKED, Kind.ASKED, Kind.GRANTED, Kind.DENIED, Kind.REVOKED), timeline);
    }

    @Test
    void aDeniedCapabilityIsNotAskedAgainAtOnceAndTheTechnicianCanGiveUp() throws Exception {
        Pair<ScreenProbe> p = connect();
        p.technician().requestCapabilities(Set.of(Capability.TRANSFER_FILES), "to copy the log");
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the customer is asked");
        p.customer().deny(Capability.TRANSFER_FILES);
        p.technician().requestCapabilities(Set.of(Capability.TRANSFER_FILES), "please");
        awaitTrue(() -> p.technicianProbe().lastConsent().lastChange()
                .map(change -> change.kind() == Kind.REQUEST_REFUSED).orElse(false), "the technician is told");
        assertEquals(1, p.customerProbe().prompts.size(), "the customer was not asked again");

        p.technician().requestCapabilities(Set.of(Capability.RUN_DIAGNOSTICS), "");
        awaitTrue(() -> p.customerProbe().prompts.size() == 2, "another capability may be asked");
        p.customer().grant(Capability.RUN_DIAGNOSTICS);
        p.technician().giveUp(Capability.RUN_DIAGNOSTICS);
        awaitTrue(() -> p.customerProbe().lastConsent().status(Capability.RUN_DIAGNOSTICS) == ConsentStatus.REVOKED,
                "the technician gave it up");
        assertEquals(ConsentEvent.Actor.TECHNICIAN, p.customer().consent().timeline()
                .get(p.customer().consent().timeline().size() - 1).actor());
    }

    @Test
    void theScreenIsTheViewScreenCapability() throws Exception {
        Pair<ScreenProbe> p = connect();
        p.technician().requestCapabilities(Set.of(Capability.VIEW_SCREEN), "to see the error");
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked through screen sharing");
        p.customer().grant(Capability.VIEW_SCREEN);
        p.technicianProbe().awaitState(Status.SHARING);
        awaitTrue(() -> p.technicianProbe().lastConsent().isGranted(Capability.VIEW_SCREEN), "the Console sees the grant");

        p.customer().revoke(Capability.VIEW_SCREEN);
        p.technicianProbe().awaitState(Status.STOPPED);
        awaitTrue(() -> p.technicianProbe().lastConsent().status(Capability.VIEW_SCREEN) == ConsentStatus.REVOKED,
                "the Console sees the revocation");
        assertEquals(0, p.customer().consent().refusals(), "late pulls are dropped, not counted as forgeries");
    }

    @Test
    void oversizedConsentRequestIsIgnored() throws Exception {
        Pair<ScreenProbe> p = connect();
        ConsentRequest.Builder huge = ConsentRequest.newBuilder().setReason("x".repeat(100_000));
        for (int i = 0; i < 1000; i++) {
            huge.addCapabilities(dev.lifeline.common.wire.e2e.Capability.CLIPBOARD);
        }
        forge(p.technician(), SessionMessage.newBuilder().setConsentRequest(huge).build());
        forge(p.technician(), SessionMessage.newBuilder().setConsentRequest(ConsentRequest.newBuilder()
                .setReason("y".repeat(100_000)).addCapabilities(dev.lifeline.common.wire.e2e.Capability.CLIPBOARD)).build());
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the bounded request is asked");
        assertEquals(280, p.customerProbe().prompts.get(0).reason().length(), "the reason is cut");
    }
}
