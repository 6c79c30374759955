package dev.lifeline.client.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps docs/benchmarks.md as sections, one per benchmark, each rewritten by its own run. */
public final class BenchmarkReport {
    private static final String HEADER = "# Benchmarks\n\nWritten by `./lifeline bench`; each section by its own harness."
            + " Numbers are measurements on the machine named in the section, never assertions in tests.\n\n";

    private BenchmarkReport() {
    }

    public static void replaceSection(Path file, String heading, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER;
        int start = text.indexOf(heading);
        String updated;
        if (start < 0) {
            updated = text + (text.endsWith("\n") ? "" : "\n") + section;
        } else {
            int next = text.indexOf("\n## ", start + heading.length());
            updated = text.substring(0, start) + section + (next < 0 ? "" : text.substring(next + 1));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
