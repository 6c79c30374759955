package dev.lifeline.client.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform parsers against outputs in {@code src/test/resources/diagnostics/}. Each fixture
 * follows output captured on the real platform and published; {@code SOURCES.md} beside the
 * fixtures names the source of each.
 */
class ParsersTest {
    static String fixture(String name) throws IOException {
        try (InputStream in = ParsersTest.class.getResourceAsStream("/diagnostics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void smartctlAtaFailingWithReallocatedSectors() throws IOException {
        Disk d = SmartctlParser.disk(fixture("smartctl-ata-failing.json"), "/dev/sda");
        assertEquals("/dev/sda", d.getName());
        assertEquals("WDC WD10EZEX-08WN4A0", d.getModel());
        assertEquals("WD-WCC6Y0RXXXXX", d.getSerial());
        assertEquals(1000204886016L, d.getSizeBytes());
        assertEquals(DiskHealth.FAILING, d.getHealth());
        assertEquals("smartctl", d.getHealthSource());
        assertEquals(1288, d.getReallocatedSectors());
        assertEquals(24, d.getPendingSectors());
        assertEquals(41235, d.getPowerOnHours());
        assertEquals(38, d.getTemperatureCelsius());
    }

    @Test
    void smartctlNvmeHealthyAndScan() throws IOException {
        Disk d = SmartctlParser.disk(fixture("smartctl-nvme.json"), "/dev/nvme0");
        assertEquals(DiskHealth.PASSED, d.getHealth());
        assertEquals(0, d.getMediaErrors());
        assertEquals(7, d.getPercentageUsed());
        assertFalse(d.hasReallocatedSectors(), "NVMe has no ATA attribute table: nothing invented");
        assertEquals(List.of("/dev/sda", "/dev/nvme0"), SmartctlParser.scan(fixture("smartctl-scan.json")));
    }

    @Test
    void smartctlWithoutPermissionKeepsHealthUnknownAndSaysWhy() throws IOException {
        Disk d = SmartctlParser.disk(fixture("smartctl-permission-denied.json"), "/dev/sda");
        assertEquals(DiskHealth.DISK_HEALTH_UNSPECIFIED, d.getHealth());
        assertEquals("", d.getHealthSource());
        assertTrue(d.getSmartMessages(0).contains("Permission denied"), d.getSmartMessagesList().toString());
    }

    @Test
    void journalEntriesCrashesAndByteArrayMessages() throws IOException {
        LogParsers.Parsed p = LogParsers.journal(fixture("journal.jsonl"));
        assertEquals(1, p.skipped(), "the damaged line");
        List<LogEntry> e = p.entries();
        assertEquals(5, e.size());
        assertEquals(1700000000123L, e.get(0).getTimeMs());
        assertEquals("NetworkManager.service", e.get(0).getSource());
        assertFalse(e.get(0).getCrash());
        List<String> crashed = new ArrayList<>();
        e.stream().filter(LogEntry::getCrash).forEach(x -> crashed.add(x.getApplication()));
        assertEquals(List.of("invoicer", "invoicer", "firefox-esr"), crashed);
        assertEquals("bad byte: ü", e.get(4).getMessage(), "MESSAGE given as a byte array");
    }

    @Test
    void windowsEventsFindApplicationCrashes() throws IOException {
        LogParsers.Parsed p = LogParsers.windowsEvents(fixture("winevent.json"));
        assertEquals(3, p.entries().size());
        LogEntry crash = p.entries().get(0);
        assertTrue(crash.getCrash());
        assertEquals("invoicer.exe", crash.getApplication());
        assertEquals(1700000000000L, crash.getTimeMs());
        assertEquals(3, crash.getPriority());
        assertFalse(p.entries().get(2).getCrash());
        assertEquals(2, p.entries().get(2).getPriority(), "level 1 = critical");
        assertEquals(1, LogParsers.windowsEvents("{\"TimeCreated\":\"/Date(5)/\",\"Id\":41,\"ProviderName\":\"Kernel-Power\",\"Level\":1,\"Message\":\"x\"}").entries().size(),
                "a single event is an object, not an array");
    }

    @Test
    void windowsEventPrettyPrintedSingleObjectAndApplicationHang() throws IOException {
        // Source: PS 5.1 pretty printing of one event (SOURCES.md, winevent-single-pretty.json).
        LogParsers.Parsed p = LogParsers.windowsEvents(fixture("winevent-single-pretty.json"));
        assertEquals(0, p.skipped());
        assertEquals(1, p.entries().size());
        assertEquals(1595374458918L, p.entries().get(0).getTimeMs());
        assertTrue(p.entries().get(0).getCrash(), "event 1002 Application Hang counts as a crash");
        assertEquals("invoicer.exe", p.entries().get(0).getApplication());
    }

    @Test
    void macLogFindsReportCrash() throws IOException {
        LogParsers.Parsed p = LogParsers.macLog(fixture("maclog.ndjson"));
        assertEquals(0, p.skipped(), "the 'Filtering the log data' line is not an entry");
        assertEquals(2, p.entries().size());
        assertEquals("airportd", p.entries().get(0).getSource(), "escaped \\/ in processImagePath");
        assertEquals(java.time.OffsetDateTime.parse("2023-11-14T22:13:20.123456+01:00").toInstant().toEpochMilli(),
                p.entries().get(0).getTimeMs());
        assertEquals(3, p.entries().get(0).getPriority(), "Error");
        assertEquals(2, p.entries().get(1).getPriority(), "Fault");
        assertEquals("Invoicer", p.entries().get(1).getApplication());
        assertTrue(p.entries().get(1).getCrash());
        assertEquals("ReportCrash", p.entries().get(1).getSource());
    }

    @Test
    void windowsHotFixesInBothPowerShellDateFormatsNewestFirst() throws IOException {
        // Source: Win32_QuickFixEngineering through ConvertTo-Json on PS 5.1 (SOURCES.md, hotfix.json).
        UpdateParsers.Updates u = UpdateParsers.hotFixes(fixture("hotfix.json"), java.time.ZoneOffset.UTC);
        assertEquals(0, u.skipped());
        assertEquals(List.of("KB5034441", "KB5033372", "KB4512578", "KB5011048"),
                u.updates().stream().map(dev.lifeline.common.wire.diagnostics.InstalledUpdate::getName).toList());
        assertEquals(1705017600000L, u.updates().get(0).getTimeMs(), "\\/Date(ms)\\/");
        assertEquals(1702339200000L, u.updates().get(1).getTimeMs(), "{value, DateTime} wrapping");
        assertEquals("Security Update", u.updates().get(0).getVersion());
        assertEquals(0, u.updates().get(3).getTimeMs(), "InstalledOn null: no date, not a made-up one");
        // PowerShell 7: ISO-8601 with offset; one hot fix is one object.
        UpdateParsers.Updates seven = UpdateParsers.hotFixes(fixture("hotfix-pwsh7.json"), java.time.ZoneOffset.UTC);
        assertEquals(1, seven.updates().size());
        assertEquals(1705014000000L, seven.updates().get(0).getTimeMs(), "2024-01-12T00:00+01:00");
        assertTrue(UpdateParsers.hotFixes("", java.time.ZoneOffset.UTC).updates().isEmpty());
    }

    @Test
    void windowsPendingRestartFlags() throws IOException {
        List<String> reasons = UpdateParsers.windowsRebootReasons(fixture("windows-reboot-pending.json"));
        assertEquals(List.of(UpdateParsers.WINDOWS_REBOOT_FLAGS.get("ComponentBasedServicing"),
                UpdateParsers.WINDOWS_REBOOT_FLAGS.get("PendingFileRename")), reasons);
        assertEquals(List.of(), UpdateParsers.windowsRebootReasons(
                "{\"ComponentBasedServicing\":false,\"WindowsUpdate\":false,\"PendingFileRename\":false}"));
        for (String bad : List.of("", "[]", "{}", "Test-Path : Access is denied")) {
            org.junit.jupiter.api.Assertions.assertThrows(com.google.gson.JsonParseException.class,
                    () -> UpdateParsers.windowsRebootReasons(bad), bad);
        }
    }

    @Test
    void macSoftwareUpdateHistoryNewestFirst() throws IOException {
        // Source: microsoft/macos-cookbook spec/unit/libraries/command_line_tools_spec.rb (SOURCES.md).
        UpdateParsers.Updates u = UpdateParsers.softwareUpdateHistory(fixture("softwareupdate-history.txt"), java.time.ZoneOffset.UTC);
        assertEquals(0, u.skipped(), "header and dashed line are not updates");
        assertEquals(3, u.updates().size());
        assertEquals("macOS Catalina 10.15.1", u.updates().get(0).getName());
        assertEquals("10.15.1", u.updates().get(0).getVersion());
        assertEquals(java.time.Instant.parse("2019-10-29T19:02:45Z").toEpochMilli(), u.updates().get(0).getTimeMs());
        assertEquals("Gatekeeper Configuration Data", u.updates().get(2).getName());
        assertEquals(1, UpdateParsers.softwareUpdateHistory("garbage line\n", java.time.ZoneOffset.UTC).skipped());
    }

    @Test
    void windowsPrintQueuesFromGetPrinter() throws IOException {
        // Source: Get-Printer's CIM objects through ConvertTo-Json (SOURCES.md, getprinter.json).
        assertEquals(java.util.Map.of("Microsoft Print to PDF", 0, "HP LaserJet M404 (Office)", 12),
                PrinterProbe.windowsQueueCounts(fixture("getprinter.json")));
        assertEquals(java.util.Map.of("Office", 3), PrinterProbe.windowsQueueCounts("{\"Name\":\"Office\",\"JobCount\":3,\"PrinterStatus\":0}"),
                "one printer is one object");
        assertEquals(java.util.Map.of(), PrinterProbe.windowsQueueCounts(""), "no printers: no output at all");
    }

    @Test
    void lpstatCapturedQueuesWithDashesInNames() throws IOException {
        // Source: captured lpstat -o lines (SOURCES.md, lpstat-o.txt).
        assertEquals(java.util.Map.of("hp-lj-m404-floor2", 1, "zebra-zt411-dock", 1, "Thermal80", 2),
                PrinterProbe.queueCounts(fixture("lpstat-o.txt")));
    }

    @Test
    void lpstatQueuesAndHostPortValidation() {
        assertEquals(java.util.Map.of("Office", 2, "HP_M404", 1), PrinterProbe.queueCounts(
                "Office-12  dana  1024  Mon 23 Nov 2026 10:00:00\nOffice-13  dana  2048  Mon\nHP_M404-7  eve  1  Mon\n"));
        assertEquals("example.com:443", HostPort.parse("Example.COM:443").toString());
        assertEquals("::1", HostPort.parse("[::1]:7443").bareHost());
        for (String bad : List.of("a b:80", "host:0", "host:70000", "host", "-x.com:1", "x..y:2", "$(rm):1")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> HostPort.parse(bad), bad);
        }
    }
}
