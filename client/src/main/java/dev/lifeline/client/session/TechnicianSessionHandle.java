package dev.lifeline.client.session;

import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.wire.diagnostics.Probe;
import java.util.Collection;
import java.util.Set;

/** What the Console can do in a session besides chat: ask for and steer the customer's screen. */
public interface TechnicianSessionHandle extends SessionHandle, TransferHandle {
    /** Asks the customer to share the screen; the answer comes as {@link SessionListener#onScreenShare}. */
    void requestScreen();

    /** Stops viewing; sharing ends on the customer's side too. */
    void stopViewing();

    void setScreenQuality(Quality quality);

    /** Index into the monitors of the current {@link dev.lifeline.client.screen.ScreenShareState}. */
    void selectMonitor(int index);

    /**
     * Asks the customer for capabilities, with a reason they read (at most 280 characters are
     * shown). The answers come as {@link SessionListener#onConsentChanged}; the screen's also as
     * {@link SessionListener#onScreenShare}.
     */
    void requestCapabilities(Set<Capability> capabilities, String reason);

    /** Gives a capability up; the customer's app stops honouring it at once. */
    void giveUp(Capability capability);

    /** Puts text on the customer's clipboard (at most 1 MiB of UTF-8; needs the clipboard grant). */
    void sendClipboard(String text);

    /** Asks for the customer's clipboard text; it comes as {@link SessionListener#onClipboardText}. */
    void requestClipboard();

    /**
     * Asks for diagnostics probes from the fixed catalogue. Without a RUN_DIAGNOSTICS grant the
     * customer is asked first and the request goes out on the yes. Returns the request's id;
     * progress and results come as {@link SessionListener#onDiagnosticsProgress} and
     * {@link SessionListener#onDiagnosticsResult}.
     */
    long requestDiagnostics(Collection<Probe> probes);

    /** The relay's id of this session (hex), empty before pairing; for the session report. */
    String sessionId();

    /**
     * Mouse or keyboard input for the customer's machine (applied there only with control granted).
     * Pointer moves are coalesced; coordinates are the customer's desktop pixels.
     */
    void sendInput(RemoteInput input);

    /**
     * Issue 7: the technician's outcome, sealed end to end right before the session ends, so a
     * recording's timeline shows it. Call before {@link #end()}.
     */
    default void sendOutcome(dev.lifeline.common.wire.outcome.SessionOutcome outcome) {
    }

    /** Shows the laser dot at a desktop position of the customer's shared monitor, or hides it. */
    void pointLaser(int monitor, int x, int y, boolean visible);

    /**
     * Issue 6: hands the session to another signed-in technician (by account name). The customer
     * is told, the other technician is asked; on yes this session ends ({@link SessionEnd.Reason#HANDED_OVER}),
     * on no or after a minute it goes on. Progress comes as {@link SessionListener#onHandover}.
     */
    default void handOver(String technician) {
        handOver(technician, dev.lifeline.client.handover.HandoverNote.NONE);
    }

    /** As above, with the problem and a note for the other technician's offer card. */
    default void handOver(String technician, dev.lifeline.client.handover.HandoverNote note) {
    }

    /** Issue 6: invites another signed-in technician to watch (view only, with the customer's consent). */
    default void inviteToWatch(String technician) {
        inviteToWatch(technician, dev.lifeline.client.handover.HandoverNote.NONE);
    }

    /** As above, with the problem and a note for the other technician's offer card. */
    default void inviteToWatch(String technician, dev.lifeline.client.handover.HandoverNote note) {
    }

    /** Issue 6: ends the watch of {@code technician}. */
    default void endWatch(String technician) {
    }
}
