package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.InstalledUpdate;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.UpdateData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Recently installed updates and a pending restart. Debian and Ubuntu: {@code /var/log/dpkg.log}
 * and {@code /var/run/reboot-required}; Fedora and others: {@code needs-restarting -r} when
 * installed. Windows ({@code Get-HotFix}) and macOS ({@code softwareupdate --history}) are the
 * configured commands there; anything else says it is not available.
 */
final class UpdateProbe implements DiagnosticProbe {
    static final int KEEP = 20;
    static final Path DPKG_LOG = Path.of("/var/log/dpkg.log");
    static final Path REBOOT_REQUIRED = Path.of("/var/run/reboot-required");
    static final Path REBOOT_REQUIRED_PKGS = Path.of("/var/run/reboot-required.pkgs");
    static final List<String> WINDOWS_ARGS = List.of("-NoProfile", "-NonInteractive", "-Command",
            "Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First " + KEEP
                    + " HotFixID,Description,InstalledOn | ConvertTo-Json -Compress");
    private static final DateTimeFormatter DPKG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Override
    public Probe kind() {
        return Probe.UPDATES;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        UpdateData.Builder d = UpdateData.newBuilder();
        switch (context.platform()) {
            case LINUX -> linux(context, d, result);
            case WINDOWS -> {
                d.setSource("Get-HotFix");
                CommandOutput out = context.commands().run("powershell", WINDOWS_ARGS, context.settings().probeTimeout(), 256 * 1024);
                result.addNotes("pending restart: not read on Windows yet");
                result.setStatus(ProbeStatus.PARTIAL);
                if (out.exitCode() != 0) {
                    throw new ProbeUnavailableException("Get-HotFix failed with code " + out.exitCode());
                }
            }
            case MACOS -> {
                d.setSource("softwareupdate --history");
                context.commands().run("softwareupdate", List.of("--history"), context.settings().probeTimeout(), 256 * 1024);
                result.addNotes("pending restart: not read on macOS");
                result.setStatus(ProbeStatus.PARTIAL);
            }
            default -> throw new ProbeUnavailableException("no known update history on this platform");
        }
        result.setUpdates(d);
        result.setSummary((d.hasRebootPending() ? (d.getRebootPending() ? "restart pending" : "no restart pending") : "restart state unknown")
                + ", " + d.getRecentCount() + " recent update(s)"
                + (d.getRecentCount() > 0 ? ", newest " + d.getRecent(0).getName() + " " + d.getRecent(0).getVersion() : ""));
    }

    private static void linux(ProbeContext context, UpdateData.Builder d, ProbeResult.Builder result) throws Exception {
        if (Files.isReadable(DPKG_LOG)) {
            d.setSource("dpkg");
            d.addAllRecent(dpkgInstalls(DPKG_LOG, KEEP));
            d.setRebootPending(Files.exists(REBOOT_REQUIRED));
            if (Files.isReadable(REBOOT_REQUIRED_PKGS)) {
                Files.readAllLines(REBOOT_REQUIRED_PKGS, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).limit(10)
                        .forEach(s -> d.addRebootReasons(Probes.cap(s.strip(), 100)));
            }
            return;
        }
        if (context.commands().find("needs-restarting").isPresent()) {
            d.setSource("needs-restarting");
            CommandOutput out = context.commands().run("needs-restarting", List.of("-r"), context.settings().probeTimeout(), 64 * 1024);
            d.setRebootPending(out.exitCode() == 1); // 1: restart needed, 0: not needed
            result.addNotes("update history: not read on this distribution");
            result.setStatus(ProbeStatus.PARTIAL);
            return;
        }
        throw new ProbeUnavailableException("neither dpkg's log nor needs-restarting is present on this Linux");
    }

    /** The newest {@code keep} "status installed" lines of dpkg's log, newest first. */
    static List<InstalledUpdate> dpkgInstalls(Path log, int keep) throws java.io.IOException {
        Deque<InstalledUpdate> newest = new ArrayDeque<>();
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                // 2026-11-20 10:11:12 status installed libc6:amd64 2.36-9+deb12u9
                String[] f = line.split(" ");
                if (f.length == 6 && f[2].equals("status") && f[3].equals("installed")) {
                    try {
                        long t = LocalDateTime.parse(f[0] + " " + f[1], DPKG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
                        newest.addFirst(InstalledUpdate.newBuilder().setName(Probes.cap(f[4], 100))
                                .setVersion(Probes.cap(f[5], 60)).setTimeMs(t).build());
                        if (newest.size() > keep) {
                            newest.removeLast();
                        }
                    } catch (DateTimeParseException e) {
                        // a damaged line: skip it
                    }
                }
            }
        }
        return new ArrayList<>(newest);
    }
}
