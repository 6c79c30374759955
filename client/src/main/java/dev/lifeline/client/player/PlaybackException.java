package dev.lifeline.client.player;

/** A recording cannot be played at all: not a recording, or the lead's key opens none of its sealed keys. */
public final class PlaybackException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlaybackException(String message) {
        super(message);
    }

    public PlaybackException(String message, Throwable cause) {
        super(message, cause);
    }
}
