package dev.lifeline.common.recording;

/** The relay's signing key as the writer needs it: Ed25519 over checkpoint and end messages. */
public interface RecordingSigner {
    byte[] publicKey();

    byte[] sign(byte[] message);
}
