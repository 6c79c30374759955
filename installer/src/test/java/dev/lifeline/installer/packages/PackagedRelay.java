package dev.lifeline.installer.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The relay from the unpacked .deb, run and administered through its command line. */
final class PackagedRelay implements AutoCloseable {
    static final Duration START = Duration.ofSeconds(60);

    private final AppProcess process;
    private final String fingerprint;
    private final int port;

    private PackagedRelay(AppProcess process, String fingerprint, int port) {
        this.process = process;
        this.fingerprint = fingerprint;
        this.port = port;
    }

    /** {@code lifeline-relay run} on loopback; {@code port} 0 picks a free one. */
    static PackagedRelay start(Path relayRoot, Path dataDir, int port) throws IOException, InterruptedException {
        return attach(AppProcess.start(List.of(launcher(relayRoot).toString(), "run", "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString())));
    }

    /** A relay started some other way (a container, say), known by what {@code run} prints. */
    static PackagedRelay attach(AppProcess p) throws InterruptedException {
        try {
            String fp = p.awaitLine(l -> l.startsWith("certificate fingerprint (SHA-256): "), START)
                    .substring("certificate fingerprint (SHA-256): ".length()).strip();
            String listening = p.awaitLine(l -> l.startsWith("listening on "), START);
            int actual = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1).strip());
            return new PackagedRelay(p, fp, actual);
        } catch (AssertionError | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    static Path launcher(Path relayRoot) {
        return relayRoot.resolve("usr/bin/lifeline-relay");
    }

    /** Runs an admin command of the packaged relay ({@code org init ...}) and returns its output; fails on error. */
    static String admin(Path relayRoot, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher(relayRoot).toString()));
        command.addAll(List.of(args));
        AppProcess.Result r = AppProcess.run(command, Duration.ofSeconds(120));
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
        }
        return r.output();
    }

    /**
     * A first start ({@code lifeline-relay init}) and one technician identity in {@code dataDir},
     * through the packaged admin commands.
     */
    static Path organisationWithTechnician(Path relayRoot, Path dataDir, String organisation, String technician)
            throws IOException, InterruptedException {
        Path passphrase = Files.writeString(passphraseFile(dataDir), "correct horse battery staple\n");
        String init = admin(relayRoot, "init", "--data-dir", dataDir.toString(), "--organisation", organisation,
                "--passphrase-file", passphrase.toString());
        if (!init.contains("Next steps:")) {
            throw new AssertionError("relay init printed no next steps: " + init);
        }
        Path identity = dataDir.resolveSibling(dataDir.getFileName() + "-technician.identity");
        admin(relayRoot, "tech", "issue", "--data-dir", dataDir.toString(), "--name", technician,
                "--out", identity.toString(), "--passphrase-file", passphrase.toString());
        return identity;
    }

    /** The file holding the organisation key passphrase of {@code dataDir}. */
    static Path passphraseFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-passphrase");
    }

    String fingerprint() {
        return fingerprint;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }
}
