package dev.lifeline.installer.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the external tools of a package build (jlink, jpackage, dpkg-deb, signers), failing loudly. */
final class Commands {
    private Commands() {
    }

    static void run(List<String> command) throws IOException {
        run(command, Map.of(), null);
    }

    /** Runs {@code command} with extra environment; its output goes to ours. A non-zero exit is an exception. */
    static void run(List<String> command, Map<String, String> environment, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + exit + ":\n" + output);
        }
    }

    /** True when {@code program} is on the PATH. */
    static boolean available(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A JDK tool next to the java running this build (jlink, jpackage), so both agree on the version. */
    static String jdkTool(String name) {
        Path home = Path.of(System.getProperty("java.home"));
        String exe = HostSystem.current() == HostSystem.WINDOWS ? name + ".exe" : name;
        Path tool = home.resolve("bin").resolve(exe);
        if (!java.nio.file.Files.isExecutable(tool)) {
            throw new IllegalStateException(name + " not found in " + home + "/bin: packages need a full JDK 17");
        }
        return tool.toString();
    }
}
