package dev.lifeline.common.wire;

import io.netty.handler.codec.CorruptedFrameException;

/** The frame's bytes are not a valid message (bad protobuf, empty body, unknown kind). */
public final class MalformedFrameException extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
