package dev.lifeline.client.viewing;

import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.common.wire.e2e.SessionMessage;

/** What the viewer needs from the technician's session and gives to its listener. */
public interface ViewerEvents {
    /** Seal and send to the customer; called on the session thread. */
    void send(SessionMessage message);

    void stateChanged(ScreenShareState state);

    /** On the decode thread. */
    void frame(RemoteScreenFrame frame);

    /** On the decode thread, about once a second while pictures are drawn. */
    void stats(ScreenStats stats);
}
