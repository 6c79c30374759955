package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.AwtSystemClipboard;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.ClipboardEvent.Kind;
import dev.lifeline.client.clipboard.XClip;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.clipboard.ClipboardText;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.timeline.TimelineEntry;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clipboard both ways over a real relay, with the customer's real X clipboard (under Xvfb): what
 * the technician sends is what another program on the customer's desktop pastes, and what another
 * program copied is what the technician gets. Sizes over the limit go nowhere.
 */
@Tag("display")
class ClipboardOverRelayTest {
    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay();

    @BeforeEach
    void start() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run under xvfb-run");
        assumeTrue(XClip.available(), "xclip and xsel are installed by .ci/setup");
    }

    @Test
    void textGoesBothWaysThroughTheRealClipboardAndTheCustomerIsTold() throws Exception {
        Pair<TransferProbe> p = paired.pair(paired.client().customerSessions(null, ScreenSources.robot(),
                ControlDevices.robot(), new AwtSystemClipboard()), new TransferProbe(), new TransferProbe());
        CustomerLiveSession customer = p.customer();
        TransferProbe customerProbe = p.customerProbe();
        TechnicianLiveSession technician = p.technician();
        TransferProbe technicianProbe = p.technicianProbe();

        // Before the grant: the customer's clipboard is left alone.
        XClip.write("the customer's own text");
        technician.sendClipboard("not yet");
        awaitTrue(() -> technicianProbe.refusals.size() == 1, "refused without the grant");
        assertEquals("the customer's own text", XClip.read());

        technician.requestCapabilities(Set.of(Capability.CLIPBOARD), "to paste the licence key");
        awaitTrue(() -> customerProbe.prompts.size() == 1, "the customer is asked");
        customer.grant(Capability.CLIPBOARD);
        awaitTrue(() -> technicianProbe.lastConsent().isGranted(Capability.CLIPBOARD), "granted");

        String key = "Licence: ABCD-1234-ÉFGH · Grüße 🙂";
        technician.sendClipboard(key);
        awaitTrue(() -> customerProbe.clipboard.stream().anyMatch(e -> e.kind() == Kind.PUT_BY_TECHNICIAN),
                "the customer is told");
        assertEquals(key, XClip.read(), "another program on the customer's desktop pastes it");

        XClip.write("Error 0x80070005: access denied");
        technician.requestClipboard();
        awaitTrue(() -> technicianProbe.clipboardTexts.size() == 1, "the customer's text arrives");
        assertEquals("Error 0x80070005: access denied", technicianProbe.clipboardTexts.get(0));
        assertTrue(customerProbe.clipboard.contains(new ClipboardEvent(Kind.READ_BY_TECHNICIAN, 31)), "the customer is told");

        // Over the limit either way: nothing moves, both sides get a typed answer.
        technician.sendClipboard("x".repeat(ClipboardText.MAX_BYTES + 1));
        awaitTrue(() -> technicianProbe.clipboard.contains(new ClipboardEvent(Kind.TOO_LARGE, ClipboardText.MAX_BYTES + 1)),
                "refused before sending");
        assertEquals("Error 0x80070005: access denied", XClip.read());
        XClip.write("y".repeat(ClipboardText.MAX_BYTES + 1));
        int answers = technicianProbe.clipboard.size();
        long asked = System.nanoTime();
        technician.requestClipboard();
        awaitTrue(() -> technicianProbe.clipboard.size() > answers, "the customer's app answers");
        assertEquals(new ClipboardEvent(Kind.TOO_LARGE, ClipboardText.MAX_BYTES + 1), technicianProbe.clipboard.get(answers),
                "the customer's app says it is too large (answered after " + (System.nanoTime() - asked) / 1_000_000 + " ms)");
        assertEquals(1, technicianProbe.clipboardTexts.size());

        // The timeline has sizes, never the text.
        List<TimelineEntry> entries = customer.timeline().entries();
        assertTrue(entries.stream().anyMatch(e -> e.kind() == TimelineEntry.Kind.CLIPBOARD_SENT_TO_CUSTOMER
                && e.bytes() == ClipboardText.utf8Length(key)), entries::toString);
        assertTrue(entries.stream().noneMatch(e -> e.toString().contains("ABCD") || e.toString().contains("0x8007")));
    }
}
