package dev.lifeline.common.bundle;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.identity.NotAnIdentityException;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.wire.bundle.BundleContents;
import dev.lifeline.common.wire.bundle.BundleFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organisation bakes into its Get Help: the name customers see, its logo, the relay and
 * that relay's certificate pin, the organisation root technicians must chain to, the recording
 * public key, and the default language.
 *
 * <p>The file ({@code bundle.proto}) is signed by the organisation CA key; {@link #read} refuses a
 * bundle whose signature does not verify against the organisation certificate inside it, so a
 * changed relay, pin or root is caught. Whether it is the right organisation is for the person
 * building the installer to check: the build prints the root's fingerprint.
 *
 * @param relayFingerprint SHA-256 of the relay certificate as the relay prints it, or null when the
 *                         relay has a CA-issued certificate
 * @param logoPng PNG bytes, or null for the standard icon
 */
public record OrganisationBundle(String productName, byte[] logoPng, String relayAddress, String relayFingerprint,
                                 OrganisationRoot organisationRoot, byte[] recordingPublicKey, String defaultLanguage,
                                 Instant created) {
    public static final int FORMAT = 1;
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final int MAX_LOGO_BYTES = 256 * 1024;
    public static final int MAX_NAME_CHARS = 64;
    public static final Set<String> LANGUAGES = Set.of("en", "de", "es", "nl", "ro");
    static final String SIGNING_CONTEXT = "lifeline organisation bundle v1";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}");

    /** Checks every field; an out-of-bounds field is an {@link IllegalArgumentException} naming it. */
    public OrganisationBundle {
        Objects.requireNonNull(organisationRoot, "organisationRoot");
        Objects.requireNonNull(created, "created");
        productName = Objects.requireNonNull(productName, "productName").strip();
        if (productName.isEmpty() || productName.length() > MAX_NAME_CHARS || productName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("product name must be 1 to " + MAX_NAME_CHARS + " printable characters");
        }
        if (logoPng != null && (logoPng.length > MAX_LOGO_BYTES || logoPng.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(logoPng, PNG_SIGNATURE.length), PNG_SIGNATURE))) {
            throw new IllegalArgumentException("the logo must be a PNG file of at most " + MAX_LOGO_BYTES / 1024 + " KiB");
        }
        logoPng = logoPng == null ? null : logoPng.clone();
        relayAddress = Objects.requireNonNull(relayAddress, "relayAddress").strip();
        if (relayAddress.length() > 255 || !ADDRESS.matcher(relayAddress).matches() || !portInRange(relayAddress)) {
            throw new IllegalArgumentException("relay address must be host or host:port (port 1-65535), was \"" + relayAddress + "\"");
        }
        if (relayFingerprint != null && relayFingerprint.isBlank()) {
            relayFingerprint = null;
        }
        if (relayFingerprint != null && !FINGERPRINT.matcher(relayFingerprint.strip()).matches()) {
            throw new IllegalArgumentException("relay fingerprint must be the relay certificate's SHA-256 in hex");
        }
        if (recordingPublicKey == null || recordingPublicKey.length != 32) {
            throw new IllegalArgumentException("the recording public key is 32 bytes (X25519)");
        }
        recordingPublicKey = recordingPublicKey.clone();
        defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage").strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("default language must be one of " + LANGUAGES + ", was " + defaultLanguage);
        }
    }

    private static boolean portInRange(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0 || address.endsWith("]")) {
            return true;
        }
        int port = Integer.parseInt(address.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    @Override
    public byte[] logoPng() {
        return logoPng == null ? null : logoPng.clone();
    }

    @Override
    public byte[] recordingPublicKey() {
        return recordingPublicKey.clone();
    }

    /** The signed file; {@code ca} must be the organisation whose root the bundle carries. */
    public byte[] sign(OrganisationCa ca) {
        if (!ca.root().equals(organisationRoot)) {
            throw new IllegalArgumentException("the bundle must be signed by its own organisation's CA");
        }
        BundleContents.Builder contents = BundleContents.newBuilder()
                .setProductName(productName)
                .setRelayAddress(relayAddress)
                .setRelayFingerprint(relayFingerprint == null ? "" : relayFingerprint)
                .setOrganisationRootDer(ByteString.copyFrom(organisationRoot.der()))
                .setRecordingPublicKey(ByteString.copyFrom(recordingPublicKey))
                .setDefaultLanguage(defaultLanguage)
                .setCreatedEpochMs(created.toEpochMilli());
        if (logoPng != null) {
            contents.setLogoPng(ByteString.copyFrom(logoPng));
        }
        byte[] signed = contents.build().toByteArray();
        return BundleFile.newBuilder()
                .setFormat(FORMAT)
                .setContents(ByteString.copyFrom(signed))
                .setSignature(ByteString.copyFrom(ca.signDocument(SIGNING_CONTEXT, signed)))
                .build().toByteArray();
    }

    /** Reads and verifies a bundle file (at most {@link #MAX_FILE_BYTES}). */
    public static OrganisationBundle read(Path file) throws IOException, InvalidBundleException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new InvalidBundleException(file + " is larger than a bundle can be (" + MAX_FILE_BYTES / 1024 + " KiB)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readNBytes(MAX_FILE_BYTES + 1));
        }
    }

    /** Parses and verifies the bytes of a bundle file. */
    public static OrganisationBundle parse(byte[] bytes) throws InvalidBundleException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidBundleException("a bundle is at most " + MAX_FILE_BYTES / 1024 + " KiB");
        }
        try {
            BundleFile file = BundleFile.parseFrom(bytes);
            if (file.getFormat() != FORMAT) {
                throw new InvalidBundleException("unknown bundle format " + file.getFormat() + " (this app reads format " + FORMAT + ")");
            }
            byte[] signed = file.getContents().toByteArray();
            BundleContents c = BundleContents.parseFrom(signed);
            OrganisationRoot root = OrganisationRoot.fromDer(c.getOrganisationRootDer().toByteArray());
            if (!root.verifyDocument(SIGNING_CONTEXT, signed, file.getSignature().toByteArray())) {
                throw new InvalidBundleException("the bundle is not signed by the organisation it names (altered or damaged)");
            }
            return new OrganisationBundle(c.getProductName(), c.getLogoPng().isEmpty() ? null : c.getLogoPng().toByteArray(),
                    c.getRelayAddress(), c.getRelayFingerprint(), root, c.getRecordingPublicKey().toByteArray(),
                    c.getDefaultLanguage(), Instant.ofEpochMilli(c.getCreatedEpochMs()));
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidBundleException("not an organisation bundle: " + e.getMessage(), e);
        } catch (NotAnIdentityException e) {
            throw new InvalidBundleException("the bundle's organisation certificate is unusable: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException("the bundle has a bad field: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganisationBundle b && productName.equals(b.productName) && Arrays.equals(logoPng, b.logoPng)
                && relayAddress.equals(b.relayAddress) && Objects.equals(relayFingerprint, b.relayFingerprint)
                && organisationRoot.equals(b.organisationRoot) && Arrays.equals(recordingPublicKey, b.recordingPublicKey)
                && defaultLanguage.equals(b.defaultLanguage) && created.equals(b.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productName, relayAddress, relayFingerprint, organisationRoot, defaultLanguage, created);
    }

    @Override
    public String toString() {
        return "OrganisationBundle[" + productName + ", relay " + relayAddress + ", " + organisationRoot.organisation() + "]";
    }
}
