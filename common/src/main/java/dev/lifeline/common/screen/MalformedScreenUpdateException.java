package dev.lifeline.common.screen;

/**
 * A screen update that does not decode: bad tile coordinates, sizes beyond the frame, lengths that
 * do not match their data, an unknown version. The decoder's picture is then undefined (it may be
 * half-applied); the viewer asks for a keyframe.
 */
public final class MalformedScreenUpdateException extends Exception {
    public MalformedScreenUpdateException(String message) {
        super(message);
    }

    public MalformedScreenUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
