package dev.lifeline.client.probes;

/** What a fixed command printed (capped) and how it exited. */
public record CommandOutput(int exitCode, String stdout, boolean truncated) {
}
