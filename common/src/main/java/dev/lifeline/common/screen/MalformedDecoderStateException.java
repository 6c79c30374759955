package dev.lifeline.common.screen;

/**
 * Bytes offered as a {@link DecoderState} that are not one: another format or version, damaged or
 * cut short, or numbers out of range. Nothing is restored from them.
 */
public final class MalformedDecoderStateException extends Exception {
    public MalformedDecoderStateException(String message) {
        super(message);
    }

    public MalformedDecoderStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
