package dev.lifeline.client.sharing;

import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.common.wire.e2e.SessionMessage;

/** What screen sharing needs from the customer's session; called on the session thread. */
public interface SharingEvents {
    /** Seal and send to the technician (dropped when the session is over). */
    void send(SessionMessage message);

    /** Ask the person whether the technician may see the screen. */
    void screenRequested();

    void stateChanged(ScreenShareState state);
}
