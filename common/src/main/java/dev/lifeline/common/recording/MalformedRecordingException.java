package dev.lifeline.common.recording;

/** Not a recording at all (wrong magic, unknown version, no header): nothing can be played. */
public final class MalformedRecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRecordingException(String message) {
        super(message);
    }
}
