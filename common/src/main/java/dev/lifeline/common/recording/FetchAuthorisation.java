package dev.lifeline.common.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.Ed25519;
import dev.lifeline.common.wire.recording.FetchRecording;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A lead's request for a recording, signed with the fetch key derived from the organisation's
 * recording private key (see {@code RecordingKeyPair.fetchSigningKey()}): only someone who could
 * open the recording can fetch it. Until accounts and roles exist this is the lead check; the
 * signed time bounds a replay to {@link #MAX_SKEW_MS}.
 */
public final class FetchAuthorisation {
    public static final long MAX_SKEW_MS = 5 * 60_000;
    private static final byte[] LABEL = "lifeline-fetch-recording-v1".getBytes(StandardCharsets.US_ASCII);

    private FetchAuthorisation() {
    }

    static byte[] message(byte[] sessionId, long requestedAtMs) {
        return ByteBuffer.allocate(LABEL.length + sessionId.length + 8).put(LABEL).put(sessionId).putLong(requestedAtMs).array();
    }

    public static FetchRecording request(byte[] sessionId, long nowMs, Ed25519PrivateKeyParameters fetchKey) {
        return FetchRecording.newBuilder().setSessionId(ByteString.copyFrom(sessionId)).setRequestedAtMs(nowMs)
                .setSignature(ByteString.copyFrom(Ed25519.sign(fetchKey, message(sessionId, nowMs)))).build();
    }

    /** Whether the request is signed by {@code fetchPublicKey} and recent. */
    public static boolean verify(FetchRecording request, byte[] fetchPublicKey, long nowMs) {
        if (request.getSessionId().size() != 16 || Math.abs(nowMs - request.getRequestedAtMs()) > MAX_SKEW_MS) {
            return false;
        }
        return Ed25519.verify(fetchPublicKey, message(request.getSessionId().toByteArray(), request.getRequestedAtMs()),
                request.getSignature().toByteArray());
    }
}
