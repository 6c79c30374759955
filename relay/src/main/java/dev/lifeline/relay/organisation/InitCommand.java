package dev.lifeline.relay.organisation;

import dev.lifeline.common.bundle.OrganisationBundle;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.relay.tls.RelayCertificate;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lifeline relay init}: an administrator's first start, step by step. Each step is skipped
 * when already done, so running it again is safe and shows where things stand.
 * <ol>
 *   <li>the data directory;
 *   <li>the relay's TLS certificate and the fingerprint apps pin;
 *   <li>the organisation's keys (CA and recording key pair, under a passphrase);
 *   <li>the first administrator (hook for the accounts feature, see {@link #firstAdministrator});
 *   <li>with {@code --public-address}, the organisation bundle for branded Get Help installers;
 * </ol>
 * and then prints the next steps.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "First start of a relay: certificate, organisation keys, first administrator, installer bundle; prints the next steps.")
public final class InitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.lifeline/relay",
            description = "Relay data directory (default: ${DEFAULT-VALUE}; the packaged service uses /var/lib/lifeline-relay).")
    Path dataDir;

    @Option(names = "--organisation", paramLabel = "NAME", description = "Organisation name, shown to customers (asked if missing).")
    String organisation;

    @Option(names = "--public-address", paramLabel = "HOST[:PORT]",
            description = "The relay's address as customers reach it: also writes the organisation bundle.")
    String publicAddress;

    @Option(names = "--bundle-out", paramLabel = "FILE", description = "Where to write the bundle (default: DATA_DIR/org.bundle).")
    Path bundleOut;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "First line: the passphrase of the organisation keys (else asked on the terminal).")
    Path passphraseFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Lifeline relay first start in " + dataDir.toAbsolutePath());

        // 1. Data directory, owner only.
        boolean fresh = !Files.exists(dataDir);
        Files.createDirectories(dataDir);
        if (fresh) {
            restrictToOwner(dataDir);
        }
        warnIfOwnedBySomeoneElse(out);

        // 2. TLS certificate.
        boolean hadCertificate = Files.exists(dataDir.resolve(RelayCertificate.CERT_FILE));
        RelayCertificate certificate = RelayCertificate.loadOrCreate(dataDir);
        out.println("[1/4] TLS certificate " + (hadCertificate ? "already there" : "created") + ": " + dataDir.resolve(RelayCertificate.CERT_FILE));
        out.println("      fingerprint (SHA-256) " + certificate.fingerprint());
        out.println("      apps pin it with --fingerprint; or put a CA-issued certificate and key in its place");

        // 3. Organisation keys.
        OrganisationCa ca = null;
        char[] passphrase = null;
        try {
            if (OrganisationFiles.exists(dataDir)) {
                out.println("[2/4] organisation keys already there: " + OrganisationFiles.directory(dataDir));
            } else {
                String name = organisation != null ? organisation : ask("Organisation name (shown to customers): ");
                if (name == null || name.isBlank()) {
                    spec.commandLine().getErr().println("error: give --organisation NAME (no terminal to ask on)");
                    return 64;
                }
                out.flush();
                try {
                    passphrase = Passphrases.forNewKey(passphraseFile, "the organisation keys");
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("error: " + e.getMessage());
                    return 64;
                }
                ca = OrganisationFiles.create(dataDir, name.strip(), passphrase);
                out.println("[2/4] organisation \"" + ca.organisationName() + "\" created: " + OrganisationFiles.directory(dataDir));
                out.println("      organisation root SHA-256 " + ca.root().sha256FingerprintHex());
                out.println("      keep the passphrase safe; back up " + OrganisationFiles.directory(dataDir) + " (keys cannot be recovered)");
            }

            // 4. First administrator.
            firstAdministrator(out);

            // 5. Bundle for branded installers.
            Path bundleFile = bundleOut != null ? bundleOut : dataDir.resolve("org.bundle");
            if (publicAddress == null) {
                out.println("[4/4] organisation bundle: skipped (give --public-address HOST[:PORT] to write it now)");
            } else if (Files.exists(bundleFile)) {
                out.println("[4/4] organisation bundle already there: " + bundleFile);
            } else {
                if (ca == null) {
                    out.flush();
                    passphrase = Passphrases.forExistingKey(passphraseFile, "the organisation keys");
                    ca = OrganisationCa.load(OrganisationFiles.directory(dataDir), passphrase);
                }
                OrganisationBundle bundle;
                try {
                    bundle = BundleCommand.write(bundleFile, ca, dataDir, ca.organisationName() + " Get Help", null,
                            publicAddress, certificate.fingerprint(), "en");
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("error: " + e.getMessage());
                    return 64;
                }
                out.println("[4/4] " + BundleCommand.describe(bundleFile, bundle, ca).replace("\n", "\n      "));
            }
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            if (ca != null) {
                ca.destroy();
            }
        }
        nextSteps(out);
        return 0;
    }

    /**
     * Step 3, the first administrator's one-time sign-in token. Accounts (sign-in, roles) are not
     * in the relay yet; when they arrive, this step creates the first admin account with a
     * one-time token and prints it, here and nowhere else.
     */
    void firstAdministrator(PrintWriter out) {
        out.println("[3/4] first administrator: this relay has no accounts yet (technicians use identity files);"
                + " nothing to do");
    }

    private void nextSteps(PrintWriter out) {
        String dir = dataDir.toAbsolutePath().toString();
        out.println();
        out.println("Next steps:");
        out.println("  1. Start the relay: sudo systemctl restart lifeline-relay   (package), or");
        out.println("     lifeline-relay run --data-dir " + dir + " --port 7443");
        out.println("     and open TCP port 7443 in the firewall.");
        out.println("  2. Give each technician an identity for the Console:");
        out.println("     lifeline-relay tech issue --data-dir " + dir + " --name \"Full Name\" --out name.identity");
        out.println("  3. Branded Get Help installers for your customers:");
        out.println("     lifeline-relay org bundle --data-dir " + dir + " --relay HOST:7443 --product-name \"…\" --out org.bundle");
        out.println("     ./mvnw -Ppackage verify -Dlifeline.bundle=org.bundle   (packages in installer/target/packages)");
        out.flush();
    }

    private String ask(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine(prompt);
    }

    private static void restrictToOwner(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the system's defaults apply
        }
    }

    /** Keys made by root in the service's directory would be unreadable by the service user. */
    private void warnIfOwnedBySomeoneElse(PrintWriter out) throws IOException {
        UserPrincipal owner = Files.getOwner(dataDir);
        String me = System.getProperty("user.name");
        if (owner != null && me != null && !owner.getName().equals(me)) {
            out.println("warning: " + dataDir + " belongs to " + owner.getName() + ", you are " + me
                    + "; run init as that user (e.g. sudo -u " + owner.getName() + " lifeline-relay init …)"
                    + " or the relay cannot read the files made now");
        }
    }
}
