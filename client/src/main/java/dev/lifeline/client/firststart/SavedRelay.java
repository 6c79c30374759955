package dev.lifeline.client.firststart;

import dev.lifeline.client.connection.RelayEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The relay a Get Help without an organisation bundle was pointed at on first start, kept in the
 * user's configuration folder ({@code gethelp.properties}): the only file Get Help leaves behind.
 */
public record SavedRelay(String address, String fingerprint) {
    public static final String FILE = "gethelp.properties";
    /** Overrides the folder (tests, portable setups). */
    public static final String CONFIG_DIR_PROPERTY = "lifeline.config.dir";
    static final int MAX_FILE_BYTES = 16 * 1024;

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+");

    /** The endpoint this names; throws {@link IllegalArgumentException} for a bad address or fingerprint. */
    public RelayEndpoint endpoint() {
        RelayEndpoint endpoint = RelayEndpoint.parse(address, fingerprint);
        if (!HOST.matcher(endpoint.host()).matches()) {
            throw new IllegalArgumentException("not a host name or address: " + endpoint.host());
        }
        return endpoint;
    }

    /**
     * The saved relay in {@code dir}, or empty when there is none or it is unusable (too large,
     * unreadable, a bad address): then Get Help simply asks again.
     */
    public static Optional<SavedRelay> load(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(new StringReader(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8)));
            }
            String address = p.getProperty("relay", "").strip();
            String fingerprint = p.getProperty("fingerprint", "").strip();
            SavedRelay saved = new SavedRelay(address, fingerprint.isEmpty() ? null : fingerprint);
            saved.endpoint();
            return Optional.of(saved);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code dir/gethelp.properties} (replacing it in one step). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("relay", address);
        if (fingerprint != null) {
            p.setProperty("fingerprint", fingerprint);
        }
        StringWriter text = new StringWriter();
        p.store(text, "Lifeline Get Help: the relay of your support organisation");
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Where this user's Lifeline settings live: {@code $XDG_CONFIG_HOME/lifeline} (or
     * {@code ~/.config/lifeline}) on Linux, {@code %APPDATA%\Lifeline} on Windows,
     * {@code ~/Library/Application Support/Lifeline} on macOS.
     */
    public static Path defaultConfigDir() {
        String override = System.getProperty(CONFIG_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Lifeline");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Lifeline");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "lifeline") : Path.of(home, ".config", "lifeline");
    }
}
