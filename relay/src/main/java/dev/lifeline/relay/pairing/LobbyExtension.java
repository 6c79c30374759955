package dev.lifeline.relay.pairing;

import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;

/**
 * Frames the lobby does not handle itself — sign-in, account administration, the waiting queue —
 * go to an extension (issue 6's team server). The lobby stays the owner of the connection's
 * phase; the extension acts through {@link LobbyConnection}. Without a database the relay uses
 * {@link #NONE}, which answers every such frame with a typed error.
 */
public interface LobbyExtension {
    /** Whether {@code body} is handled here rather than by the lobby. */
    boolean handles(RelayFrame.BodyCase body);

    /**
     * Handles one frame. Must end with exactly one {@link LobbyConnection#reply} or
     * {@link LobbyConnection#fatal} (possibly later, from another thread).
     */
    void handle(LobbyConnection connection, RelayFrame frame);

    /** The connection is gone (any phase). Called on its event loop. */
    default void closed(LobbyConnection connection, boolean saidClose) {
    }

    /** A waiting nameplate was paired (by code or by a queue pick). Called on the technician's loop. */
    default void paired(Entry entry, LobbyConnection technician) {
    }

    /** As {@link #paired(Entry, LobbyConnection)}, with the relay's id of the new session (issue 7: reports link to it). */
    default void paired(Entry entry, byte[] sessionId, LobbyConnection technician) {
        paired(entry, technician);
    }

    /** The session on {@code entry} is over. */
    default void ended(Entry entry) {
    }

    LobbyExtension NONE = new LobbyExtension() {
        @Override
        public boolean handles(RelayFrame.BodyCase body) {
            return false;
        }

        @Override
        public void handle(LobbyConnection connection, RelayFrame frame) {
            throw new IllegalStateException("not handled");
        }
    };
}
