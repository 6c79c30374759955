package dev.lifeline.common.wire;

import io.netty.handler.codec.TooLongFrameException;

/** A frame announced a length above the limit; thrown before anything is allocated for it. */
public final class FrameTooLargeException extends TooLongFrameException {
    private static final long serialVersionUID = 1L;

    private final long announcedBytes;
    private final int limitBytes;

    public FrameTooLargeException(long announcedBytes, int limitBytes) {
        super("frame of " + announcedBytes + " bytes exceeds the limit of " + limitBytes + " bytes");
        this.announcedBytes = announcedBytes;
        this.limitBytes = limitBytes;
    }

    public long announcedBytes() {
        return announcedBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }
}
