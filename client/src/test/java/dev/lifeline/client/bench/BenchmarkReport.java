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

    /** The 1-minute load average: on a shared machine it decides the timings as much as the code. */
    public static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * This process's nice value (Linux) and, where the kernel groups processes by session
     * (autogroup), its group's: other sessions' work competes by group, so the group's nice is the
     * one that decides the share of the cores. "0" where it cannot be read.
     */
    public static String priority() {
        String nice = "0";
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            nice = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
            String group = Files.readString(Path.of("/proc/self/autogroup")).trim();
            return nice + " (scheduling group " + group.substring(group.indexOf("nice")) + ")";
        } catch (IOException | RuntimeException e) {
            return nice;
        }
    }
}
