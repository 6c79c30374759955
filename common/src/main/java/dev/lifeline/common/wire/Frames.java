package dev.lifeline.common.wire;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayError;
import dev.lifeline.common.wire.relay.RelayFrame;

/** Short constructors for the frames every handler sends. */
public final class Frames {
    private Frames() {
    }

    public static RelayFrame error(ErrorCode code, String message, boolean fatal) {
        return RelayFrame.newBuilder()
                .setError(RelayError.newBuilder().setCode(code).setMessage(message).setFatal(fatal))
                .build();
    }
}
