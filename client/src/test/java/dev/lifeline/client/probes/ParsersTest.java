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
 * The platform parsers against sample outputs in {@code src/test/resources/diagnostics/}. The
 * journalctl and smartctl samples follow the tools' JSON output (smartmontools 7, systemd 252);
 * the Windows and macOS samples are written from their documented formats, not captured there.
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
    void macLogFindsReportCrash() throws IOException {
        LogParsers.Parsed p = LogParsers.macLog(fixture("maclog.ndjson"));
        assertEquals(2, p.entries().size());
        assertEquals("Invoicer", p.entries().get(1).getApplication());
        assertTrue(p.entries().get(1).getCrash());
        assertEquals("ReportCrash", p.entries().get(1).getSource());
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
