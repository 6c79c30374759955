package dev.lifeline.relay.recording;

import dev.lifeline.common.wire.relay.Role;

/**
 * Sees every Data frame the relay forwards, in order per direction. The recording store plugs in
 * here; tests use it to check what the relay saw. Called on the sender's event loop: it must not
 * block, and it must not keep {@code payload} beyond the call unless it copies it (it receives its
 * own copy, so keeping it is allowed but costs memory).
 */
@FunctionalInterface
public interface ForwardedFrameListener {
    ForwardedFrameListener NONE = (sessionId, from, seq, payload) -> { };

    void onForwarded(byte[] sessionId, Role from, long seq, byte[] payload);
}
