package dev.lifeline.relay.pairing;

import dev.lifeline.common.wire.Frames;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.SignInFailed;
import dev.lifeline.common.wire.relay.SignInFailure;
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

    /**
     * As {@link #paired(Entry, byte[], LobbyConnection)}, with the report claim the technician's
     * connection gets in its Paired frame (code flow; empty for queue picks). Keep only a hash.
     */
    default void paired(Entry entry, byte[] sessionId, LobbyConnection technician, byte[] reportClaim) {
        paired(entry, sessionId, technician);
    }

    /** The session on {@code entry} is over. */
    default void ended(Entry entry) {
    }

    /**
     * A relay without a database: sign-in, account and queue frames get a clear, non-fatal answer
     * ("this relay has no accounts") so a Console or Get Help falls back to the code flow instead
     * of losing its connection.
     */
    LobbyExtension NONE = new LobbyExtension() {
        @Override
        public boolean handles(RelayFrame.BodyCase body) {
            return switch (body) {
                case SIGN_IN, RENEW_TOKEN, SIGN_OUT, ACCOUNT_REQUEST, QUEUE_SUBMIT, QUEUE_SUBSCRIBE, QUEUE_PICK -> true;
                default -> false;
            };
        }

        @Override
        public void handle(LobbyConnection connection, RelayFrame frame) {
            if (frame.getBodyCase() == RelayFrame.BodyCase.SIGN_IN) {
                connection.reply(RelayFrame.newBuilder().setSignInFailed(SignInFailed.newBuilder()
                        .setReason(SignInFailure.SIGN_IN_NOT_AVAILABLE).setMessage(NO_ACCOUNTS)).build());
            } else {
                connection.reply(Frames.error(ErrorCode.QUEUE_UNAVAILABLE, NO_ACCOUNTS, false));
            }
        }
    };

    /** What a relay without a database answers to sign-in and queue frames. */
    String NO_ACCOUNTS = "this relay has no accounts or queue (no team database); join by code";
}
