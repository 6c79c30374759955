package dev.lifeline.client.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentLedger;
import dev.lifeline.common.wire.e2e.ChatMessage;
import dev.lifeline.common.wire.e2e.ClipboardContent;
import dev.lifeline.common.wire.e2e.ConsentRequest;
import dev.lifeline.common.wire.e2e.FileChunk;
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
    private static final SessionMessage CLIPBOARD = SessionMessage.newBuilder().setClipboard(ClipboardContent.getDefaultInstance()).build();
    private static final SessionMessage FILE = SessionMessage.newBuilder().setFileChunk(FileChunk.getDefaultInstance()).build();

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
        assertTrue(refusals.isEmpty());
    }

    @Test
    void withoutGrantControlClipboardAndFilesAreRefusedAndCounted() {
        assertFalse(gate.admit(INPUT));
        assertFalse(gate.admit(CLIPBOARD));
        assertFalse(gate.admit(FILE));
        assertEquals(List.of(new Refusal(Capability.CONTROL_INPUT, "INPUT_EVENT", 1),
                new Refusal(Capability.CLIPBOARD, "CLIPBOARD", 2),
                new Refusal(Capability.TRANSFER_FILES, "FILE_CHUNK", 3)), refusals);
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
}
