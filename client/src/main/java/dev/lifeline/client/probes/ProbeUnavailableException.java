package dev.lifeline.client.probes;

/** The platform does not offer this data (or the tool that reads it is not installed). */
public final class ProbeUnavailableException extends Exception {
    public ProbeUnavailableException(String message) {
        super(message);
    }
}
