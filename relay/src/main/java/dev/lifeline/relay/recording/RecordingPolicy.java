package dev.lifeline.relay.recording;

import com.google.protobuf.ByteString;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.RecordingKeyEndorsement;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.wire.recording.RecordingNotice;
import dev.lifeline.common.wire.relay.RelayFrame;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The organisation's recording policy, from {@code DATA_DIR/organisation/recording.properties}
 * (written by {@code lifeline relay org recording}): whether sessions are recorded, how long
 * recordings are kept, how large one may grow; plus the public material the relay hands out:
 * the recording public key, the CA's endorsement of it, and the lead fetch key.
 */
public record RecordingPolicy(boolean enabled, int retentionDays, long maxBytesPerSession, String organisation,
                              byte[] recordingPublicKey, byte[] endorsement, byte[] fetchPublicKey) {
    public static final String FILE = "recording.properties";
    public static final String FETCH_KEY_FILE = "recording-fetch.pub";
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final long DEFAULT_MAX_BYTES = 4L << 30;

    /** The policy in {@code organisationDir}, or empty when recording is not switched on there. */
    public static Optional<RecordingPolicy> load(Path organisationDir) throws IOException {
        Path file = organisationDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        if (!Boolean.parseBoolean(properties.getProperty("enabled", "false"))) {
            return Optional.empty();
        }
        int retention = Integer.parseInt(properties.getProperty("retention-days", "" + DEFAULT_RETENTION_DAYS).strip());
        long maxBytes = Long.parseLong(properties.getProperty("max-bytes-per-session", "" + DEFAULT_MAX_BYTES).strip());
        if (retention < 1 || retention > 3650 || maxBytes < 1 << 20) {
            throw new IOException(file + ": retention-days must be 1..3650 and max-bytes-per-session at least 1 MiB");
        }
        try {
            byte[] publicKey = RecordingKeyPair.loadPublicKey(organisationDir.resolve(RecordingKeyPair.PUBLIC_FILE));
            byte[] endorsement = RecordingKeyEndorsement.load(organisationDir);
            OrganisationRoot root = OrganisationRoot.load(organisationDir.resolve("organisation-ca.crt.pem"));
            if (!root.endorses(publicKey, endorsement)) {
                throw new IOException("the recording key's endorsement is not the organisation CA's");
            }
            byte[] fetchKey = Base64.getDecoder().decode(
                    Files.readString(organisationDir.resolve(FETCH_KEY_FILE), StandardCharsets.US_ASCII).strip());
            return Optional.of(new RecordingPolicy(true, retention, maxBytes, root.organisation(), publicKey,
                    endorsement, fetchKey));
        } catch (IdentityException | IllegalArgumentException e) {
            throw new IOException("recording is switched on but its keys are not usable: " + e.getMessage(), e);
        }
    }

    /** Writes the policy file. */
    public static void save(Path organisationDir, boolean enabled, int retentionDays, long maxBytes) throws IOException {
        String text = "# Session recording policy (lifeline relay org recording)\n"
                + "enabled=" + enabled + "\n"
                + "retention-days=" + retentionDays + "\n"
                + "max-bytes-per-session=" + maxBytes + "\n";
        Files.writeString(organisationDir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /** What the apps are told before a session starts. */
    public RelayFrame notice() {
        return RelayFrame.newBuilder().setRecordingNotice(RecordingNotice.newBuilder()
                .setOrganisation(organisation)
                .setRecordingPublicKey(ByteString.copyFrom(recordingPublicKey))
                .setEndorsement(ByteString.copyFrom(endorsement))
                .setRetentionDays(retentionDays)).build();
    }
}
