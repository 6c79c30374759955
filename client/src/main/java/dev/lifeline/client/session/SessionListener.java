package dev.lifeline.client.session;

import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.DiagnosticsReview;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.transfer.TransferStatus;

/**
 * Events of one session, as a view model or the headless printer sees them. Called on a network
 * thread: a view model hops to the FX thread itself.
 */
public interface SessionListener {
    /** Customer: the relay gave us a nameplate; show this code. Called again after a code is burned. */
    default void onCodeReady(SessionCode code, long expiresAtEpochMs) {
    }

    /**
     * Customer: the organisation records this session. The code is withheld until the person
     * answers with {@link CustomerSessionHandle#answerRecordingNotice}; no means the session ends.
     */
    default void onRecordingNotice(RecordingNoticeInfo notice) {
    }

    /** Customer: too many wrong-code attempts; the old code is dead and a new one follows. */
    default void onCodeBurned(int failedAttempts) {
    }

    /** Customer: a technician is connected and the handshake is running. */
    /** Issue 6: waiting in the relay's queue at this place (1 = next; 0 = just accepted). */
    default void onQueued(int position) {
    }

    default void onPeerJoined() {
    }

    /** Customer: a technician tried a wrong code; {@code attemptsLeft} before the code is burned. */
    default void onWrongCodeAttempt(int attemptsLeft) {
    }

    /** Both: the end-to-end handshake is complete; everything from now on is sealed. */
    default void onSecured(PeerInfo peer) {
    }

    /**
     * A chat line: each one received, and each of ours once it is sealed and on its way
     * ({@code line.mine()} true). A view may show its own lines earlier and skip the echo.
     */
    default void onChat(ChatLine line) {
    }

    default void onLinkState(LinkState state) {
    }

    /** Customer: the technician asks to see the screen; answer with {@link CustomerSessionHandle#answerScreenRequest}. */
    default void onScreenRequested() {
    }

    /** Both: screen sharing changed state (asked, granted, paused, stopped, monitors, quality). */
    default void onScreenShare(ScreenShareState state) {
    }

    /**
     * Technician: a new picture of the customer's screen, on a decoding thread (not the network
     * thread, not the FX thread). Call {@link RemoteScreenFrame#drawn()} once it is copied.
     */
    default void onScreenFrame(RemoteScreenFrame frame) {
    }

    /** Technician: fps, latency and bandwidth, about once a second while frames flow. */
    default void onScreenStats(ScreenStats stats) {
    }

    /**
     * Customer: the technician asks for capabilities other than the screen (that one comes as
     * {@link #onScreenRequested()}); answer each with {@link CustomerSessionHandle#grant} or deny.
     */
    default void onConsentRequested(ConsentPrompt prompt) {
    }

    /** Both: a capability was asked, granted, denied or revoked; the full current set. */
    default void onConsentChanged(ConsentSnapshot consent) {
    }

    /**
     * Both: the customer's app refused a technician's message because its capability was not
     * granted; nothing of it was applied.
     */
    default void onRefused(Refusal refusal) {
    }

    /** Both: the other side offers a file; answer with {@link TransferHandle#acceptFile} or decline. */
    default void onFileOffered(FileOffered offer) {
    }

    /** Both: a transfer changed state, or made progress (at most ten times a second). */
    default void onTransfer(TransferStatus status) {
    }

    /**
     * Customer: the technician put text on your clipboard or copied it (a notice, sizes only).
     * Technician: what became of a clipboard action.
     */
    default void onClipboard(ClipboardEvent event) {
    }

    /** Technician: the customer's clipboard text, as asked for with {@link TechnicianSessionHandle#requestClipboard}. */
    default void onClipboardText(String text) {
    }

    /**
     * Both: where a diagnostics request stands. Customer: running, reviewing, sent, declined.
     * Technician: waiting for consent, requested, running, reviewing, sent, declined, busy.
     */
    default void onDiagnosticsProgress(DiagnosticsActivity activity) {
    }

    /**
     * Customer: the probes ran; show the results and let the person send them, withholding any
     * ({@link CustomerSessionHandle#sendDiagnostics}) or discard them ({@link CustomerSessionHandle#declineDiagnostics}).
     */
    default void onDiagnosticsReview(DiagnosticsReview review) {
    }

    /** Technician: one probe's result from the customer (possibly WITHHELD, UNAVAILABLE, TIMED_OUT). */
    default void onDiagnosticsResult(long requestId, ProbeResult result) {
    }

    /**
     * Both: whether the technician's input is applied on the customer's machine now (ready, paused
     * because the customer is using the mouse or keyboard, unavailable, off).
     */
    default void onControlStatus(ControlStatus status) {
    }

    /** Technician (issue 6): where a transfer or watch invitation of this session stands. */
    default void onHandover(dev.lifeline.client.handover.HandoverEvent event) {
    }

    /**
     * Customer (issue 6): the technician hands the session over ({@code TRANSFER}: every grant has
     * ended, the new technician must ask again) or asks that someone watch ({@code WATCH}: answer
     * with {@link CustomerSessionHandle#answerWatch}).
     */
    default void onHandoverNotice(dev.lifeline.client.handover.CustomerHandoverNotice notice) {
    }

    /** Both (issue 6): who else can see the customer's screen now (watchers), by name. */
    default void onWatchers(java.util.List<String> watchers) {
    }

    /** The session is over; no event follows. */
    default void onEnded(SessionEnd end) {
    }
}
