package dev.lifeline.client.session;

import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.util.Collection;

/** What Get Help can do in a session besides chat: answer and control screen sharing. */
public interface CustomerSessionHandle extends SessionHandle, TransferHandle {
    /** The customer's answer to {@link SessionListener#onScreenRequested()}. */
    void answerScreenRequest(boolean allow);

    /** Freezes the picture at once; nothing new is captured or sent until {@link #resumeScreen()}. */
    void pauseScreen();

    void resumeScreen();

    /** Ends sharing; the technician must ask again. */
    void stopScreen();

    /** Yes to a pending request ({@link SessionListener#onConsentRequested}); the screen's too. */
    void grant(Capability capability);

    /** No to a pending request. After a no the technician must wait to ask again, after three cannot. */
    void deny(Capability capability);

    /**
     * The person's answer to {@link SessionListener#onRecordingNotice}: yes shows the code, no
     * ends the session before any technician can join.
     */
    default void answerRecordingNotice(boolean accept) {
    }

    /** Takes a grant back at once (or withdraws a pending request); the technician must ask again. */
    void revoke(Capability capability);

    /** Sends the reviewed diagnostics results of a request; {@code withheld} probes go without data. */
    void sendDiagnostics(long requestId, Collection<Probe> withheld);

    /** Discards a request's results: nothing is sent. */
    void declineDiagnostics(long requestId);
    /**
     * The panic key: revokes remote control and pauses the screen at once, through the same
     * consent path as the chips (so the timeline records it), even while the technician holds the
     * mouse.
     */
    void panic();

    /**
     * Issue 6: the person's answer to a watch request ({@link SessionListener#onHandoverNotice}
     * of kind WATCH). Yes opens a separate end-to-end channel to the watcher: screen and chat only.
     */
    default void answerWatch(boolean allow) {
    }

    /** Issue 6: removes a watcher at once (its channel closes; it sees nothing more). */
    default void removeWatcher(String name) {
    }
}
