package dev.lifeline.client.probes;

import dev.lifeline.common.wire.diagnostics.ErrorLogData;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors of the last 24 hours from the platform's log, newest first and capped. The commands are
 * fixed (no part comes from the technician); a platform whose command is missing says so.
 */
final class ErrorLogProbe implements DiagnosticProbe {
    static final int WINDOW_HOURS = 24;
    /** Entries read from the log at most, and entries kept in the result. */
    static final int READ_LIMIT = 1000;
    static final int KEEP_LIMIT = 200;
    static final int OUTPUT_BYTES = 4 * 1024 * 1024;

    static final List<String> JOURNALCTL_ARGS = List.of("-o", "json", "--no-pager", "--since=-" + WINDOW_HOURS + "h",
            "--priority=3", "--lines=" + READ_LIMIT);
    static final List<String> WINDOWS_ARGS = List.of("-NoProfile", "-NonInteractive", "-Command",
            "Get-WinEvent -FilterHashtable @{LogName='System','Application'; Level=1,2; StartTime=(Get-Date).AddHours(-"
                    + WINDOW_HOURS + ")} -MaxEvents " + READ_LIMIT
                    + " -ErrorAction SilentlyContinue | Select-Object TimeCreated,Id,ProviderName,Level,Message | ConvertTo-Json -Compress");
    static final List<String> MACOS_ARGS = List.of("show", "--last", WINDOW_HOURS + "h", "--style", "ndjson",
            "--predicate", "messageType == error OR messageType == fault");

    @Override
    public Probe kind() {
        return Probe.RECENT_ERRORS;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        Duration timeout = context.settings().probeTimeout();
        String source;
        CommandOutput out;
        LogParsers.Parsed parsed;
        switch (context.platform()) {
            case LINUX -> {
                source = "systemd journal";
                out = context.commands().run("journalctl", JOURNALCTL_ARGS, timeout, OUTPUT_BYTES);
                parsed = LogParsers.journal(out.stdout());
            }
            case WINDOWS -> {
                source = "Windows event log";
                out = context.commands().run("powershell", WINDOWS_ARGS, timeout, OUTPUT_BYTES);
                parsed = LogParsers.windowsEvents(out.stdout());
            }
            case MACOS -> {
                source = "macOS unified log";
                out = context.commands().run("log", MACOS_ARGS, timeout, OUTPUT_BYTES);
                parsed = LogParsers.macLog(out.stdout());
            }
            default -> throw new ProbeUnavailableException("no known system log on this platform");
        }
        long since = context.clock().millis() - Duration.ofHours(WINDOW_HOURS).toMillis();
        List<LogEntry> recent = parsed.entries().stream().filter(e -> e.getTimeMs() == 0 || e.getTimeMs() >= since)
                .sorted(Comparator.comparingLong(LogEntry::getTimeMs).reversed()).toList();
        boolean truncated = out.truncated() || recent.size() > KEEP_LIMIT || parsed.entries().size() >= READ_LIMIT;
        ErrorLogData.Builder d = ErrorLogData.newBuilder().setSource(source).setWindowHours(WINDOW_HOURS)
                .setEntriesRead(parsed.entries().size()).setTruncated(truncated)
                .addAllEntries(recent.stream().limit(KEEP_LIMIT).toList());
        if (parsed.skipped() > 0) {
            result.addNotes(parsed.skipped() + " log lines could not be read and were skipped");
        }
        if (truncated) {
            result.addNotes("capped: the newest " + Math.min(KEEP_LIMIT, recent.size()) + " of at least "
                    + parsed.entries().size() + " entries");
        }
        if (out.exitCode() != 0 && parsed.entries().isEmpty()) {
            result.setStatus(ProbeStatus.PARTIAL).addNotes(source + " exited with code " + out.exitCode()
                    + " (reading it may need more rights)");
        }
        result.setErrors(d);
        Map<String, Integer> crashes = new LinkedHashMap<>();
        recent.stream().filter(LogEntry::getCrash).forEach(e -> crashes.merge(e.getApplication(), 1, Integer::sum));
        result.setSummary(recent.size() + " errors in the last " + WINDOW_HOURS + " h from the " + source
                + (crashes.isEmpty() ? ", no crashes" : ", crashes: " + crashes));
    }
}
