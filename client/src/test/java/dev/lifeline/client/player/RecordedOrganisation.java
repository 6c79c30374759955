package dev.lifeline.client.player;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.RecordingKeyEndorsement;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.relay.recording.RecordingPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A relay data directory holding what a recording relay holds after {@code org init} and
 * {@code org recording --enable}: the CA certificate, the recording public key, the CA's
 * endorsement of it, the lead fetch key and the policy file; no private key. Made in memory
 * because the real commands spend seconds per key on PBKDF2 (they are tested in the relay module).
 */
record RecordedOrganisation(Path dataDir, OrganisationRoot root, TechnicianIdentity technician, RecordingKeyPair leadKey) {
    static RecordedOrganisation create(Path dir, boolean record) throws Exception {
        Path dataDir = dir.resolve("relay");
        Path orgDir = Files.createDirectories(dataDir.resolve("organisation"));
        OrganisationCa ca = OrganisationCa.create("ACME Support");
        RecordingKeyPair recording = RecordingKeyPair.create();
        Files.writeString(orgDir.resolve(OrganisationCa.CERTIFICATE_FILE), ca.root().pem(), StandardCharsets.US_ASCII);
        recording.savePublic(orgDir);
        RecordingKeyEndorsement.save(orgDir, ca.endorseRecordingKey(recording.publicKey()));
        Files.writeString(orgDir.resolve(RecordingPolicy.FETCH_KEY_FILE), Base64.getEncoder().encodeToString(
                recording.fetchSigningKey().generatePublicKey().getEncoded()) + "\n", StandardCharsets.US_ASCII);
        if (record) {
            RecordingPolicy.save(orgDir, true, 30, 1L << 30);
        }
        return new RecordedOrganisation(dataDir, ca.root(), ca.issueTechnician("Alice Meyer", Duration.ofDays(1)), recording);
    }
}
