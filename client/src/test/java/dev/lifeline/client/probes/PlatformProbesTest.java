package dev.lifeline.client.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Windows and macOS paths of the probes, run whole (the real runner, the real parsers) with the
 * platform's commands answering from the captured outputs in {@code src/test/resources/diagnostics}
 * (see {@code SOURCES.md}): CI is Linux, so the programs themselves cannot run here. And what a
 * platform does not offer comes back as "not available on this platform", never a value.
 */
class PlatformProbesTest {
    /** Answers the catalogue's fixed commands with captured output; a command it does not know is "not installed". */
    static final class CapturedCommands extends CommandRunner {
        final Map<String, String> outputs = new HashMap<>();
        final List<String> ran = new ArrayList<>();

        /** {@code key}: the program, or the program and a word of its arguments, e.g. "powershell Get-HotFix". */
        CapturedCommands answer(String key, String output) {
            outputs.put(key, output);
            return this;
        }

        private Optional<String> lookup(String program, List<String> args) {
            String joined = String.join(" ", args);
            return outputs.entrySet().stream()
                    .filter(e -> e.getKey().equals(program) || (e.getKey().startsWith(program + " ")
                            && joined.contains(e.getKey().substring(program.length() + 1))))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public Optional<Path> find(String program) {
            return outputs.keySet().stream().anyMatch(k -> k.equals(program) || k.startsWith(program + " "))
                    ? Optional.of(Path.of("/captured", program)) : Optional.empty();
        }

        @Override
        public CommandOutput run(String program, List<String> args, Duration timeout, int maxBytes) throws ProbeUnavailableException {
            ran.add(program + " " + String.join(" ", args));
            String out = lookup(program, args).orElseThrow(() -> new ProbeUnavailableException(program + " is not installed"));
            return new CommandOutput(0, out, false);
        }
    }

    private static Map<Probe, ProbeResult> run(Platform platform, CommandRunner commands, Instant now, Probe... probes) throws Exception {
        ProbeContext context = new ProbeContext(platform, commands, DiagnosticsSettings.defaults(new HostPort("127.0.0.1", 7443)),
                Clock.fixed(now, ZoneOffset.UTC));
        try (ProbeRunner runner = ProbeRunner.standard(context)) {
            return runner.run(List.of(probes)).get(60, TimeUnit.SECONDS).stream()
                    .collect(Collectors.toMap(ProbeResult::getProbe, r -> r));
        }
    }

    @Test
    void windowsUpdatesListHotFixesAndThePendingRestart() throws Exception {
        CapturedCommands windows = new CapturedCommands().answer("powershell Get-HotFix", ParsersTest.fixture("hotfix.json"))
                .answer("powershell RebootPending", ParsersTest.fixture("windows-reboot-pending.json"));
        ProbeResult r = run(Platform.WINDOWS, windows, Instant.now(), Probe.UPDATES).get(Probe.UPDATES);
        assertEquals(ProbeStatus.OK, r.getStatus(), r.toString());
        assertEquals("windows", r.getPlatform());
        assertEquals("Get-HotFix", r.getUpdates().getSource());
        assertEquals(4, r.getUpdates().getRecentCount());
        assertTrue(r.getUpdates().getRebootPending());
        assertEquals(2, r.getUpdates().getRebootReasonsCount());
        assertEquals("restart pending, 4 recent update(s), newest KB5034441 Security Update", r.getSummary());
        assertEquals(2, windows.ran.size(), "Get-HotFix and the registry check, nothing else");
    }

    @Test
    void windowsRestartUnreadableIsSaidNotGuessed() throws Exception {
        CapturedCommands windows = new CapturedCommands().answer("powershell Get-HotFix", ParsersTest.fixture("hotfix.json"))
                .answer("powershell RebootPending", "Test-Path : Requested registry access is not allowed.");
        ProbeResult r = run(Platform.WINDOWS, windows, Instant.now(), Probe.UPDATES).get(Probe.UPDATES);
        assertEquals(ProbeStatus.PARTIAL, r.getStatus());
        assertFalse(r.getUpdates().hasRebootPending(), "no value when it could not be read");
        assertTrue(r.getNotesList().stream().anyMatch(n -> n.startsWith("pending restart: the registry could not be read")), r.getNotesList().toString());
        assertTrue(r.getSummary().startsWith("restart state unknown"), r.getSummary());
    }

    @Test
    void macUpdatesListHistoryAndSayPendingRestartIsNotAvailable() throws Exception {
        CapturedCommands mac = new CapturedCommands().answer("softwareupdate", ParsersTest.fixture("softwareupdate-history.txt"));
        ProbeResult r = run(Platform.MACOS, mac, Instant.now(), Probe.UPDATES).get(Probe.UPDATES);
        assertEquals(ProbeStatus.PARTIAL, r.getStatus());
        assertEquals(3, r.getUpdates().getRecentCount());
        assertEquals("macOS Catalina 10.15.1", r.getUpdates().getRecent(0).getName());
        assertFalse(r.getUpdates().hasRebootPending());
        assertTrue(r.getNotesList().contains("pending restart: not available on this platform"), r.getNotesList().toString());
        assertTrue(r.getSummary().startsWith("restart state unknown, 3 recent update(s)"), r.getSummary());
    }

    @Test
    void windowsAndMacErrorLogsFindTheCrashes() throws Exception {
        CapturedCommands windows = new CapturedCommands().answer("powershell Get-WinEvent", ParsersTest.fixture("winevent.json"));
        ProbeResult w = run(Platform.WINDOWS, windows, Instant.ofEpochMilli(1_700_001_000_000L), Probe.RECENT_ERRORS)
                .get(Probe.RECENT_ERRORS);
        assertEquals(ProbeStatus.OK, w.getStatus(), w.toString());
        assertEquals("Windows event log", w.getErrors().getSource());
        assertEquals(3, w.getErrors().getEntriesCount());
        assertTrue(w.getSummary().contains("crashes: {invoicer.exe=1}"), w.getSummary());

        CapturedCommands mac = new CapturedCommands().answer("log", ParsersTest.fixture("maclog.ndjson"));
        ProbeResult m = run(Platform.MACOS, mac, Instant.parse("2023-11-14T22:00:00Z"), Probe.RECENT_ERRORS).get(Probe.RECENT_ERRORS);
        assertEquals(ProbeStatus.OK, m.getStatus(), m.toString());
        assertEquals(2, m.getErrors().getEntriesCount());
        assertEquals(0, m.getNotesCount(), "nothing skipped: " + m.getNotesList());
        assertTrue(m.getSummary().contains("crashes: {Invoicer=1}"), m.getSummary());
    }

    @Test
    void whatAPlatformDoesNotOfferIsNotAvailableNeverAValue() throws Exception {
        Map<Probe, ProbeResult> other = run(Platform.OTHER, new CapturedCommands(), Instant.now(),
                Probe.UPDATES, Probe.RECENT_ERRORS);
        for (ProbeResult r : other.values()) {
            assertEquals(ProbeStatus.UNAVAILABLE, r.getStatus(), r.toString());
            assertTrue(r.getSummary().contains("not available on this platform"), r.getSummary());
            assertEquals(ProbeResult.DataCase.DATA_NOT_SET, r.getDataCase(), "no data at all, not an empty or zero one");
        }
        // Windows without PowerShell's event log access: the log probe says so rather than "0 errors".
        ProbeResult noPowershell = run(Platform.WINDOWS, new CapturedCommands(), Instant.now(), Probe.RECENT_ERRORS)
                .get(Probe.RECENT_ERRORS);
        assertEquals(ProbeStatus.UNAVAILABLE, noPowershell.getStatus());
        assertTrue(noPowershell.getSummary().contains("powershell is not installed"), noPowershell.getSummary());
    }

    @Test
    void printQueuesPerPlatform() throws Exception {
        // Queues come from lpstat on Linux and macOS, from Get-Printer on Windows, and nowhere else.
        ProbeResult other = run(Platform.OTHER, new CapturedCommands(), Instant.now(), Probe.PRINTERS).get(Probe.PRINTERS);
        assertTrue(other.getNotesList().contains("print queues: not available on this platform"), other.getNotesList().toString());
        other.getPrinters().getPrintersList().forEach(p -> assertFalse(p.hasQueuedJobs(), "no queue count invented"));

        ProbeResult oldWindows = run(Platform.WINDOWS, new CapturedCommands(), Instant.now(), Probe.PRINTERS).get(Probe.PRINTERS);
        assertTrue(oldWindows.getNotesList().stream().anyMatch(n -> n.startsWith("print queues: Get-Printer could not be read")),
                oldWindows.getNotesList().toString());

        CapturedCommands windows = new CapturedCommands().answer("powershell Get-Printer", ParsersTest.fixture("getprinter.json"));
        ProbeResult w = run(Platform.WINDOWS, windows, Instant.now(), Probe.PRINTERS).get(Probe.PRINTERS);
        assertFalse(w.getNotesList().stream().anyMatch(n -> n.startsWith("print queues")), w.getNotesList().toString());
        assertTrue(windows.ran.stream().anyMatch(c -> c.contains("Get-Printer")));
    }

    @Test
    void fixturesHaveTheirSourcesWritten() throws IOException {
        String sources = ParsersTest.fixture("SOURCES.md");
        for (String f : List.of("winevent.json", "winevent-single-pretty.json", "maclog.ndjson", "hotfix.json", "hotfix-pwsh7.json",
                "windows-reboot-pending.json", "softwareupdate-history.txt", "getprinter.json", "lpstat-o.txt", "journal.jsonl")) {
            assertTrue(sources.contains("`" + f + "`"), f + " has no source in SOURCES.md");
        }
    }
}
