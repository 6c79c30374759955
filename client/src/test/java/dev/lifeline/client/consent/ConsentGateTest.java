package dev.lifeline.client.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.wire.e2e.ChatMessage;
import dev.lifeline.common.wire.e2e.Clipboard;
import dev.lifeline.common.wire.e2e.ClipboardText;
import dev.lifeline.common.wire.e2e.FileCancel;
import dev.lifeline.common.wire.e2e.ConsentRequest;
import dev.lifeline.common.wire.e2e.FileChunk;
import dev.lifeline.common.wire.e2e.FileTransfer;
import dev.lifeline.common.wire.e2e.InputEvent;
import dev.lifeline.common.wire.e2e.ScreenControl;
import dev.lifeline.common.wire.e2e.ScreenPull;
import dev.lifeline.common.wire.e2e.ScreenRequest;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentGateTest {
    private final ConsentLedger ledger = new ConsentLedger(Clock.systemUTC());
    private final List<Refusal> refusals = new ArrayList<>();
    private final ConsentGate gate = new ConsentGate(ledger, refusals::add);

    private static final SessionMessage INPUT = SessionMessage.newBuilder().setInputEvent(InputEvent.getDefaultInstance()).build();
    private static final SessionMessage CLIPBOARD = SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder().setPut(ClipboardText.newBuilder().setText("x"))).build();
    private static final SessionMessage FILE = SessionMessage.newBuilder().setFileTransfer(FileTransfer.newBuilder().setChunk(FileChunk.getDefaultInstance())).build();

    private void granted(Capability capability) {
        ledger.request(capability);
        ledger.grant(capability);
    }

    @Test
    void messagesThatNeedNoCapabilityPass() {
        assertTrue(gate.admit(SessionMessage.newBuilder().setChat(ChatMessage.newBuilder().setText("hi")).build()));
        assertTrue(gate.admit(SessionMessage.newBuilder().setScreenRequest(ScreenRequest.getDefaultInstance()).build()));
        assertTrue(gate.admit(SessionMessage.newBuilder().setConsentRequest(ConsentRequest.getDefaultInstance()).build()));
        assertTrue(gate.admit(SessionMessage.newBuilder().setScreenControl(ScreenControl.newBuilder().setStopViewing(true)).build()),
                "stopping is always allowed");
        assertTrue(gate.admit(SessionMessage.newBuilder().setFileTransfer(FileTransfer.newBuilder().setTransferId(1)
                .setCancel(FileCancel.getDefaultInstance())).build()), "so is cancelling a transfer");
        assertTrue(refusals.isEmpty());
    }

    @Test
    void withoutGrantControlClipboardAndFilesAreRefusedAndCounted() {
        assertFalse(gate.admit(INPUT));
        assertFalse(gate.admit(CLIPBOARD));
        assertFalse(gate.admit(FILE));
        assertEquals(List.of(new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 1),
                new Refusal(Capability.CLIPBOARD, "CLIPBOARD", 2),
                new Refusal(Capability.TRANSFER_FILES, "FILE_TRANSFER", 3)), refusals);
        assertEquals(3, gate.refusals());
    }

    @Test
    void askedIsNotGranted() {
        ledger.request(Capability.CONTROL_INPUT);
        assertFalse(gate.admit(INPUT));
        assertEquals(1, gate.refusals());
    }

    @Test
    void aGrantAdmitsOnlyItsOwnKindAndARevocationHoldsForTheNextMessage() {
        granted(Capability.CONTROL_INPUT);
        assertTrue(gate.admit(INPUT));
        assertFalse(gate.admit(CLIPBOARD));
        ledger.revoke(Capability.CONTROL_INPUT, ConsentEvent.Actor.CUSTOMER);
        assertFalse(gate.admit(INPUT));
        assertEquals(2, gate.refusals());
    }

    @Test
    void screenMessagesWithoutTheScreenAreDroppedQuietly() {
        SessionMessage pull = SessionMessage.newBuilder().setScreenPull(ScreenPull.getDefaultInstance()).build();
        SessionMessage monitor = SessionMessage.newBuilder().setScreenControl(ScreenControl.newBuilder().setSelectMonitor(1)).build();
        assertFalse(gate.admit(pull));
        assertFalse(gate.admit(monitor));
        assertEquals(0, gate.refusals(), "often in flight when sharing stops: not counted as forgery");
        granted(Capability.VIEW_SCREEN);
        assertTrue(gate.admit(pull));
        assertTrue(gate.admit(monitor));
    }

    @Test
    void transferStepsInFlightWhenTheGrantIsRevokedAreDroppedQuietlyButNewOffersAreRefused() {
        granted(Capability.TRANSFER_FILES);
        assertTrue(gate.admit(FILE));
        ledger.revoke(Capability.TRANSFER_FILES, ConsentEvent.Actor.CUSTOMER);
        assertFalse(gate.admit(FILE), "a chunk after the revocation is not applied");
        assertEquals(0, gate.refusals(), "but it was in flight, not forged");
        SessionMessage offer = SessionMessage.newBuilder().setFileTransfer(FileTransfer.newBuilder()
                .setOffer(dev.lifeline.common.wire.e2e.FileOffer.getDefaultInstance())).build();
        assertFalse(gate.admit(offer));
        assertEquals(1, gate.refusals(), "a new offer after the revocation is refused and counted");
    }
}
