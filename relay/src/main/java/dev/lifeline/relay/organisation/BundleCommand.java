package dev.lifeline.relay.organisation;

import dev.lifeline.common.bundle.OrganisationBundle;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.relay.tls.RelayCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lifeline relay org bundle}: exports what a branded Get Help needs (name, logo, relay
 * address and certificate pin, organisation root, recording key, language), signed with the
 * organisation CA key, for the installer build ({@code -Dlifeline.bundle=FILE}).
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Export the organisation bundle that branded Get Help installers are built with.")
final class BundleCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
            description = "Relay data directory holding organisation/ and the relay certificate (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Bundle file to write, e.g. org.bundle.")
    Path out;

    @Option(names = "--relay", required = true, paramLabel = "HOST[:PORT]",
            description = "The relay's public address as customers' machines reach it.")
    String relay;

    @Option(names = "--product-name", paramLabel = "NAME",
            description = "What Get Help is called in the menu and its window (default: \"<organisation> Get Help\").")
    String productName;

    @Option(names = "--logo", paramLabel = "FILE.png", description = "Logo shown in Get Help (PNG, at most 256 KiB).")
    Path logo;

    @Option(names = "--language", defaultValue = "en", description = "Default language: en, de, es, nl, ro (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "Pin this relay certificate fingerprint instead of the one in the data directory.")
    String fingerprint;

    @Option(names = "--no-pin", description = "Pin no certificate: the relay has one from a CA that customers' systems trust.")
    boolean noPin;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "First line: the organisation key passphrase (else asked on the terminal).")
    Path passphraseFile;

    /**
     * Signs and writes a bundle for the organisation in {@code dataDir}; an out-of-bounds field is an
     * {@link IllegalArgumentException} and writes nothing.
     */
    static OrganisationBundle write(Path out, OrganisationCa ca, Path dataDir, String productName, byte[] logoPng,
                                    String relay, String pin, String language) throws IOException, IdentityException {
        OrganisationBundle bundle = new OrganisationBundle(productName, logoPng, relay, pin, ca.root(),
                RecordingKeyPair.loadPublicKey(OrganisationFiles.directory(dataDir).resolve(RecordingKeyPair.PUBLIC_FILE)),
                language, Instant.now());
        Files.write(out, bundle.sign(ca), StandardOpenOption.CREATE_NEW);
        return bundle;
    }

    /** What an administrator checks before building installers with the bundle. */
    static String describe(Path out, OrganisationBundle bundle, OrganisationCa ca) {
        byte[] logo = bundle.logoPng();
        return "Wrote " + out + ":\n"
                + "  product name   " + bundle.productName() + "\n"
                + "  relay          " + bundle.relayAddress() + "\n"
                + "  relay pin      " + (bundle.relayFingerprint() == null ? "none (CA-issued certificate)" : bundle.relayFingerprint()) + "\n"
                + "  organisation   " + ca.organisationName() + ", root SHA-256 " + ca.root().sha256FingerprintHex() + "\n"
                + "  language       " + bundle.defaultLanguage() + (logo == null ? "" : ", logo " + logo.length + " bytes") + "\n"
                + "Build branded installers: ./mvnw -Ppackage verify -Dlifeline.bundle=" + out.toAbsolutePath();
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            System.err.println("error: " + out + " exists; refusing to overwrite it");
            return 1;
        }
        Path orgDir = OrganisationFiles.directory(dataDir);
        if (!Files.exists(orgDir.resolve(OrganisationFiles.CA_CERTIFICATE))) {
            System.err.println("error: no organisation in " + orgDir + "; run `lifeline relay init` (or `org init`) first");
            return 1;
        }
        byte[] logoPng = logo == null ? null : Files.readAllBytes(logo);
        if (logoPng != null && logoPng.length > OrganisationBundle.MAX_LOGO_BYTES) {
            System.err.println("error: the logo is larger than " + OrganisationBundle.MAX_LOGO_BYTES / 1024 + " KiB");
            return 64;
        }
        String pin = noPin ? null : fingerprint != null ? fingerprint : RelayCertificate.loadOrCreate(dataDir).fingerprint();
        char[] passphrase = Passphrases.forExistingKey(passphraseFile, "the organisation keys");
        OrganisationCa ca;
        try {
            ca = OrganisationCa.load(orgDir, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try {
            String name = productName != null ? productName : ca.organisationName() + " Get Help";
            OrganisationBundle bundle;
            try {
                bundle = write(out, ca, dataDir, name, logoPng, relay, pin, language);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 64;
            }
            System.out.println(describe(out, bundle, ca));
            return 0;
        } finally {
            ca.destroy();
        }
    }
}
