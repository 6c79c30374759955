package dev.lifeline.client.probes;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one of the catalogue's fixed, read-only commands (smartctl, journalctl, lpstat, ...): never
 * a command line from the technician. The program is looked up on the PATH and the usual system
 * folders; output beyond {@code maxBytes} is read and dropped (so the program never blocks on a
 * full pipe), and a command that outlives its timeout is killed.
 */
public class CommandRunner {
    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin",
            "/usr/local/bin", "/opt/homebrew/bin");

    /** The program's full path, if installed. */
    public Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : List.of(program, program + ".exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code program} with {@code args}. Throws {@link ProbeUnavailableException} when the
     * program is not installed, {@link TimeoutException} when it took too long (it is killed).
     */
    public CommandOutput run(String program, List<String> args, Duration timeout, int maxBytes)
            throws ProbeUnavailableException, IOException, TimeoutException, InterruptedException {
        Path exe = find(program).orElseThrow(() -> new ProbeUnavailableException(program + " is not installed"));
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().put("LC_ALL", "C"); // parsers read English keywords and dot decimals
        Process process = builder.start();
        BoundedReader reader = new BoundedReader(process.getInputStream(), maxBytes);
        Thread drain = new Thread(reader, "lifeline-probe-output");
        drain.setDaemon(true);
        drain.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(program + " did not finish within " + timeout.toSeconds() + " s");
            }
            drain.join(Math.max(1, timeout.toMillis() / 4));
            return new CommandOutput(process.exitValue(), reader.text(), reader.truncated());
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static final class BoundedReader implements Runnable {
        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        BoundedReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        int room = max - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                        if (n > room) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed: keep what arrived
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }

        boolean truncated() {
            return truncated;
        }
    }
}
