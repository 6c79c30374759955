package dev.lifeline.client.probes;

import com.google.gson.JsonParseException;
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
import java.util.concurrent.TimeoutException;

/**
 * Recently installed updates and a pending restart. Debian and Ubuntu: {@code /var/log/dpkg.log}
 * and {@code /var/run/reboot-required}; Fedora and others: {@code needs-restarting -r} when
 * installed. Windows: {@code Get-HotFix} and the registry's pending-restart marks. macOS:
 * {@code softwareupdate --history} (a pending restart is not readable there: the result says so).
 * Anything else says it is not available.
 */
final class UpdateProbe implements DiagnosticProbe {
    static final int KEEP = 20;
    static final Path DPKG_LOG = Path.of("/var/log/dpkg.log");
    static final Path REBOOT_REQUIRED = Path.of("/var/run/reboot-required");
    static final Path REBOOT_REQUIRED_PKGS = Path.of("/var/run/reboot-required.pkgs");
    static final List<String> WINDOWS_HOTFIX_ARGS = List.of("-NoProfile", "-NonInteractive", "-Command",
            "Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First " + KEEP
                    + " HotFixID,Description,InstalledOn | ConvertTo-Json -Compress");
    /**
     * The three registry places Windows marks a pending restart in (component servicing, Windows
     * Update, files to replace at boot), read-only, as one JSON object of booleans.
     */
    static final List<String> WINDOWS_REBOOT_ARGS = List.of("-NoProfile", "-NonInteractive", "-Command",
            "[pscustomobject][ordered]@{"
                    + "ComponentBasedServicing=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending');"
                    + "WindowsUpdate=(Test-Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired');"
                    + "PendingFileRename=($null -ne (Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager'"
                    + " -Name PendingFileRenameOperations -ErrorAction SilentlyContinue))"
                    + "} | ConvertTo-Json -Compress");
    static final List<String> MACOS_HISTORY_ARGS = List.of("--history");
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
            case WINDOWS -> windows(context, d, result);
            case MACOS -> macos(context, d, result);
            default -> throw new ProbeUnavailableException("no known update history on this platform");
        }
        result.setUpdates(d);
        result.setSummary((d.hasRebootPending() ? (d.getRebootPending() ? "restart pending" : "no restart pending") : "restart state unknown")
                + ", " + d.getRecentCount() + " recent update(s)"
                + (d.getRecentCount() > 0 ? ", newest " + d.getRecent(0).getName() + " " + d.getRecent(0).getVersion() : ""));
    }

    private static void windows(ProbeContext context, UpdateData.Builder d, ProbeResult.Builder result) throws Exception {
        d.setSource("Get-HotFix");
        CommandOutput out = context.commands().run("powershell", WINDOWS_HOTFIX_ARGS, context.settings().probeTimeout(), 256 * 1024);
        if (out.exitCode() != 0 && out.stdout().isBlank()) {
            throw new ProbeUnavailableException("Get-HotFix failed with code " + out.exitCode());
        }
        try {
            UpdateParsers.Updates u = UpdateParsers.hotFixes(out.stdout(), ZoneId.systemDefault());
            d.addAllRecent(u.updates().stream().limit(KEEP).toList());
            if (u.skipped() > 0) {
                result.addNotes(u.skipped() + " hot fix entries could not be read and were skipped");
            }
        } catch (JsonParseException e) {
            partial(result, "installed updates: Get-HotFix's output could not be read");
        }
        try {
            CommandOutput reboot = context.commands().run("powershell", WINDOWS_REBOOT_ARGS, context.settings().probeTimeout(), 4096);
            List<String> reasons = UpdateParsers.windowsRebootReasons(reboot.stdout());
            d.setRebootPending(!reasons.isEmpty()).addAllRebootReasons(reasons);
        } catch (JsonParseException | TimeoutException e) {
            partial(result, "pending restart: the registry could not be read (" + e.getMessage() + ")");
        }
    }

    private static void macos(ProbeContext context, UpdateData.Builder d, ProbeResult.Builder result) throws Exception {
        d.setSource("softwareupdate --history");
        CommandOutput out = context.commands().run("softwareupdate", MACOS_HISTORY_ARGS, context.settings().probeTimeout(), 256 * 1024);
        UpdateParsers.Updates u = UpdateParsers.softwareUpdateHistory(out.stdout(), ZoneId.systemDefault());
        d.addAllRecent(u.updates().stream().limit(KEEP).toList());
        if (u.skipped() > 0) {
            result.addNotes(u.skipped() + " history lines could not be read and were skipped");
        }
        if (out.exitCode() != 0 && u.updates().isEmpty()) {
            partial(result, "softwareupdate exited with code " + out.exitCode());
        }
        // macOS keeps no pending-restart flag that another program can read: said, never guessed.
        partial(result, "pending restart: not available on this platform");
    }

    private static void partial(ProbeResult.Builder result, String note) {
        result.addNotes(note);
        if (result.getStatus() == ProbeStatus.OK || result.getStatus() == ProbeStatus.PROBE_STATUS_UNSPECIFIED) {
            result.setStatus(ProbeStatus.PARTIAL);
        }
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
