package dev.lifeline.common.handshake;

import java.nio.charset.StandardCharsets;

/** What the technician signs: "lifeline-transcript-v1" || transcript hash (the label keeps the signature single-purpose). */
final class TranscriptSignature {
    static final byte[] LABEL = "lifeline-transcript-v1".getBytes(StandardCharsets.US_ASCII);

    private TranscriptSignature() {
    }

    static byte[] signedBytes(byte[] transcriptHash) {
        byte[] out = new byte[LABEL.length + transcriptHash.length];
        System.arraycopy(LABEL, 0, out, 0, LABEL.length);
        System.arraycopy(transcriptHash, 0, out, LABEL.length, transcriptHash.length);
        return out;
    }
}
