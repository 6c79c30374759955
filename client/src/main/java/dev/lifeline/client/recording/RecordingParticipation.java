package dev.lifeline.client.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.crypto.SealedRecordingKey;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.wire.recording.RecordingKeys;
import dev.lifeline.common.wire.recording.RecordingNotice;
import dev.lifeline.common.wire.relay.RelayFrame;
import java.util.Optional;

/**
 * One app's part in a recorded session: it takes the relay's {@link RecordingNotice}, checks that
 * the organisation it trusts vouches for the recording key (a relay cannot slip in a key of its
 * own), and once the session is secured seals the traffic keys to that key for the relay to
 * store. Without a trusted root or with a bad endorsement nothing is sealed: the session is still
 * recorded as ciphertext, but no key will ever open it.
 */
public final class RecordingParticipation {
    private final OrganisationRoot root;
    private RecordingNotice notice;
    private boolean verified;

    public RecordingParticipation(OrganisationRoot root) {
        this.root = root;
    }

    public RecordingNoticeInfo onNotice(RecordingNotice received) {
        notice = received;
        verified = root != null && received.getRecordingPublicKey().size() == 32
                && root.endorses(received.getRecordingPublicKey().toByteArray(), received.getEndorsement().toByteArray());
        return new RecordingNoticeInfo(received.getOrganisation(), received.getRetentionDays(), verified);
    }

    public boolean recorded() {
        return notice != null;
    }

    /** The frame that hands the relay this session's sealed keys, if the key is vouched for. */
    public Optional<RelayFrame> sealedKeys(TrafficKeys keys) {
        if (notice == null || !verified) {
            return Optional.empty();
        }
        byte[] sealed = SealedRecordingKey.seal(keys, notice.getRecordingPublicKey().toByteArray());
        return Optional.of(RelayFrame.newBuilder()
                .setRecordingKeys(RecordingKeys.newBuilder().setSealedKeys(ByteString.copyFrom(sealed))).build());
    }
}
