package dev.lifeline.common.recording;

/** A peer's HPKE-sealed traffic keys, as stored with the recording. */
public record RecordedSealedKeys(Sender from, long receivedAtMs, byte[] sealed, Integrity integrity) {
}
