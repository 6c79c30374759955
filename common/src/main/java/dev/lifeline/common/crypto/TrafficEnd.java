package dev.lifeline.common.crypto;

/** What one end of a session holds: a sealer for its own direction, an opener for the peer's. */
public record TrafficEnd(TrafficSealer sealer, TrafficOpener opener) {
}
