package dev.lifeline.common.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.diagnostics.Battery;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.ErrorLogData;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import dev.lifeline.common.wire.diagnostics.NetworkData;
import dev.lifeline.common.wire.diagnostics.NetworkInterface;
import dev.lifeline.common.wire.diagnostics.PowerData;
import dev.lifeline.common.wire.diagnostics.PrinterData;
import dev.lifeline.common.wire.diagnostics.PrinterEntry;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.StorageData;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.diagnostics.SystemData;
import dev.lifeline.common.wire.diagnostics.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule against constructed probe results, as they would arrive from a customer's machine. */
class FindingRulesTest {
    private static final long GB = 1_000_000_000L;

    static ProbeResult storage(Disk... disks) {
        return ProbeResult.newBuilder().setProbe(Probe.STORAGE).setStatus(ProbeStatus.OK)
                .setStorage(StorageData.newBuilder().addAllDisks(List.of(disks))
                        .addVolumes(Volume.newBuilder().setMount("/").setTotalBytes(500 * GB).setUsableBytes(200 * GB)))
                .build();
    }

    static Disk.Builder disk() {
        return Disk.newBuilder().setName("/dev/sda").setModel("WDC WD10EZEX").setSerial("WD-123").setSizeBytes(1000 * GB)
                .setHealth(DiskHealth.PASSED).setHealthSource("smartctl").setReallocatedSectors(0).setPendingSectors(0);
    }

    static Evaluation eval(ProbeResult... now) {
        return FindingRules.evaluate(DiagnosticsSnapshot.of(List.of(now)));
    }

    static Finding only(Evaluation e, String rule) {
        List<Finding> f = e.findings().stream().filter(x -> x.getRuleId().equals(rule)).toList();
        assertEquals(1, f.size(), rule + " in " + e.findings());
        return f.get(0);
    }

    @Test
    void aHealthyMachineIsFixedRemotelyWithoutWarnings() {
        Evaluation e = eval(storage(disk().build()));
        assertTrue(e.findings().isEmpty(), e.findings().toString());
        assertEquals(Suggestion.FIX_REMOTELY, e.recommendation());
    }

    @Test
    void smartFailingMeansAnOnSiteVisitWithAReplacementDisk() {
        Evaluation e = eval(storage(disk().setHealth(DiskHealth.FAILING).addSmartMessages("Read SMART Data failed").build()));
        Finding f = only(e, "disk.smart-failing");
        assertEquals(Severity.CRITICAL, f.getSeverity());
        assertEquals(Suggestion.ONSITE_VISIT, f.getSuggestion());
        assertTrue(f.getEvidence(0).getValue().contains("FAILED"));
        assertTrue(f.getParts(0).contains("1.0 TB"), f.getPartsList().toString());
        assertEquals(Suggestion.ONSITE_VISIT, e.recommendation());
        assertEquals(List.of(f), e.supporting());
    }

    @Test
    void reallocatedSectorsGrowingBetweenTwoRunsMeansOnSite() {
        DiagnosticsSnapshot before = DiagnosticsSnapshot.of(List.of(storage(disk().setReallocatedSectors(8).build())));
        DiagnosticsSnapshot now = DiagnosticsSnapshot.of(List.of(storage(disk().setReallocatedSectors(24).build())));
        Evaluation e = FindingRules.evaluate(now, before);
        Finding f = only(e, "disk.reallocated-growing");
        assertEquals(Suggestion.ONSITE_VISIT, f.getSuggestion());
        assertEquals("reallocated sectors 8 → 24", f.getEvidence(0).getValue());
        assertTrue(e.findings().stream().noneMatch(x -> x.getRuleId().equals("disk.reallocated-present")), "not twice");
        assertEquals(Suggestion.ONSITE_VISIT, e.recommendation());
    }

    @Test
    void aStableReallocatedCountIsAWarningToWatchNotAVisit() {
        DiagnosticsSnapshot before = DiagnosticsSnapshot.of(List.of(storage(disk().setReallocatedSectors(8).build())));
        DiagnosticsSnapshot now = DiagnosticsSnapshot.of(List.of(storage(disk().setReallocatedSectors(8).build())));
        Evaluation e = FindingRules.evaluate(now, before);
        Finding f = only(e, "disk.reallocated-present");
        assertEquals(Severity.WARNING, f.getSeverity());
        assertEquals(Suggestion.FIX_REMOTELY, f.getSuggestion());
        assertEquals(Suggestion.FIX_REMOTELY, e.recommendation());
    }

    @Test
    void noPhysicalLinkOnAnyInterfaceMeansOnSite() {
        ProbeResult net = ProbeResult.newBuilder().setProbe(Probe.NETWORK).setStatus(ProbeStatus.OK).setNetwork(NetworkData.newBuilder()
                .addInterfaces(NetworkInterface.newBuilder().setName("lo").setOperStatus("UP").setLinkUp(true).setPhysical(false))
                .addInterfaces(NetworkInterface.newBuilder().setName("enp3s0").setOperStatus("DOWN").setPhysical(true))
                .addInterfaces(NetworkInterface.newBuilder().setName("wlp2s0").setOperStatus("DORMANT").setPhysical(true)))
                .build();
        Finding f = only(eval(net), "network.no-link");
        assertEquals(Suggestion.ONSITE_VISIT, f.getSuggestion());
        assertEquals(2, f.getEvidenceCount(), "each physical adapter is evidence");
        assertTrue(f.getPartsList().contains("network cable"));

        ProbeResult oneUp = net.toBuilder().setNetwork(net.getNetwork().toBuilder().setInterfaces(2,
                net.getNetwork().getInterfaces(2).toBuilder().setOperStatus("UP").setLinkUp(true))).build();
        assertTrue(eval(oneUp).findings().isEmpty(), "one adapter with a link is enough");
    }

    @Test
    void aFailedBatteryMeansOnSiteAndAWornOneIsInformation() {
        ProbeResult power = ProbeResult.newBuilder().setProbe(Probe.POWER).setStatus(ProbeStatus.OK).setPower(PowerData.newBuilder()
                .setHasBattery(true).addBatteries(Battery.newBuilder().setName("BAT0").setDesignCapacity(57000)
                        .setFullCapacity(21000).setHealthPercent(36.8).setCycleCount(912).setChemistry("Li-ion").setCapacityUnits("MWH")))
                .build();
        Finding f = only(eval(power), "battery.health");
        assertEquals(Severity.CRITICAL, f.getSeverity());
        assertEquals(Suggestion.ONSITE_VISIT, f.getSuggestion());
        assertEquals("replacement battery (Li-ion)", f.getParts(0));
        assertTrue(f.getEvidence(0).getValue().contains("37 %"), f.getEvidence(0).getValue());

        ProbeResult worn = power.toBuilder().setPower(power.getPower().toBuilder().setBatteries(0,
                power.getPower().getBatteries(0).toBuilder().setHealthPercent(65))).build();
        Evaluation e = eval(worn);
        assertEquals(Severity.INFO, only(e, "battery.health").getSeverity());
        assertEquals(Suggestion.FIX_REMOTELY, e.recommendation());
    }

    @Test
    void printerHardwareFaultMeansOnSiteButEmptyTonerIsRemote() {
        ProbeResult jam = printers(PrinterEntry.newBuilder().setName("HP_LaserJet_M404").setDriver("HP LaserJet M404")
                .setStatus("ERROR").setStatusReason("media-jam-error, door-open-report").build());
        Finding f = only(eval(jam), "printer.fault");
        assertEquals(Suggestion.ONSITE_VISIT, f.getSuggestion());
        assertEquals(Severity.CRITICAL, f.getSeverity());
        assertTrue(f.getSkillsList().contains("printer repair"));

        ProbeResult toner = printers(PrinterEntry.newBuilder().setName("Office").setStatus("ERROR")
                .setStatusReason("toner-empty-error").build());
        Finding t = only(eval(toner), "printer.fault");
        assertEquals(Suggestion.FIX_REMOTELY, t.getSuggestion());
        assertEquals(Severity.WARNING, t.getSeverity());

        assertTrue(eval(printers(PrinterEntry.newBuilder().setName("Idle").setStatus("IDLE").build())).findings().isEmpty());
    }

    static ProbeResult printers(PrinterEntry... entries) {
        return ProbeResult.newBuilder().setProbe(Probe.PRINTERS).setStatus(ProbeStatus.OK)
                .setPrinters(PrinterData.newBuilder().addAllPrinters(List.of(entries))).build();
    }

    @Test
    void theSameApplicationCrashingRepeatedlyIsEscalatedToDevelopment() {
        LogEntry.Builder crash = LogEntry.newBuilder().setPriority(2).setSource("systemd-coredump").setCrash(true).setApplication("invoicer");
        ProbeResult log = ProbeResult.newBuilder().setProbe(Probe.RECENT_ERRORS).setStatus(ProbeStatus.OK).setErrors(ErrorLogData.newBuilder()
                .setSource("systemd journal").setWindowHours(24)
                .addEntries(crash.setTimeMs(1_700_000_000_000L).setMessage("Process 4242 (invoicer) of user 1000 dumped core.").build())
                .addEntries(crash.setTimeMs(1_700_000_600_000L).setMessage("Process 4343 (invoicer) of user 1000 dumped core.").build())
                .addEntries(crash.setTimeMs(1_700_000_900_000L).setApplication("firefox").setMessage("firefox[77]: segfault at 0").build())
                .addEntries(LogEntry.newBuilder().setTimeMs(1_700_000_000_000L).setPriority(3).setMessage("usb 1-1: device descriptor read").build()))
                .build();
        Evaluation e = eval(log);
        List<Finding> crashes = e.findings().stream().filter(f -> f.getRuleId().equals("errors.repeated-crash")).toList();
        assertEquals(2, crashes.size());
        Finding invoicer = crashes.stream().filter(f -> f.getSummary().startsWith("invoicer")).findFirst().orElseThrow();
        assertEquals(Suggestion.ESCALATE_DEVELOPMENT, invoicer.getSuggestion());
        assertEquals(2, invoicer.getEvidenceCount());
        Finding firefox = crashes.stream().filter(f -> f.getSummary().startsWith("firefox")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, firefox.getSeverity(), "one crash is not yet a pattern");
        assertEquals(Suggestion.ESCALATE_DEVELOPMENT, e.recommendation());
    }

    @Test
    void onSiteWinsOverEscalationAndFindingsAreMostSevereFirst() {
        ProbeResult sys = ProbeResult.newBuilder().setProbe(Probe.SYSTEM).setStatus(ProbeStatus.OK).setSystem(SystemData.newBuilder()
                .setMemoryTotalBytes(8 * GB).setMemoryAvailableBytes(GB / 10).setCpuLoadPercent(12).setUptimeSeconds(40L * 86400)).build();
        Evaluation e = eval(sys, storage(disk().setHealth(DiskHealth.FAILING).build()));
        assertEquals(Suggestion.ONSITE_VISIT, e.recommendation());
        assertEquals(Severity.CRITICAL, e.findings().get(0).getSeverity());
        assertEquals(Severity.INFO, e.findings().get(e.findings().size() - 1).getSeverity());
        assertTrue(e.findings().stream().anyMatch(f -> f.getRuleId().equals("system.memory-pressure")));
        assertTrue(e.findings().stream().anyMatch(f -> f.getRuleId().equals("system.long-uptime")));
    }

    @Test
    void withheldUnavailableAndFailedResultsRaiseNothing() {
        ProbeResult withheld = ProbeResult.newBuilder().setProbe(Probe.STORAGE).setStatus(ProbeStatus.WITHHELD).build();
        ProbeResult failed = storage(disk().setHealth(DiskHealth.FAILING).build()).toBuilder().setStatus(ProbeStatus.FAILED).build();
        assertTrue(eval(withheld).findings().isEmpty());
        assertTrue(eval(failed).findings().isEmpty(), "data of a failed probe is not trusted");
    }

    @Test
    void lowSpaceUsesTheThresholdTable() {
        ProbeResult s = ProbeResult.newBuilder().setProbe(Probe.STORAGE).setStatus(ProbeStatus.OK).setStorage(StorageData.newBuilder()
                .addVolumes(Volume.newBuilder().setMount("C:\\").setTotalBytes(256 * GB).setUsableBytes(6 * GB))
                .addVolumes(Volume.newBuilder().setMount("D:\\").setTotalBytes(100 * GB).setUsableBytes(8 * GB))
                .addVolumes(Volume.newBuilder().setMount("E:\\").setTotalBytes(100 * GB).setUsableBytes(50 * GB))).build();
        List<Finding> f = eval(s).findings();
        assertEquals(2, f.size());
        assertEquals(Severity.CRITICAL, f.get(0).getSeverity());
        assertTrue(f.get(0).getSummary().contains("C:\\"));
        assertEquals(Severity.WARNING, f.get(1).getSeverity());
        assertFalse(f.stream().anyMatch(x -> x.getSummary().contains("E:")));
    }

    @Test
    void catalogueNamesParseAndUnknownOnesAreATypedError() {
        assertEquals(ProbeCatalogue.ALL.size(), ProbeCatalogue.parse("full").size());
        assertEquals(java.util.Set.of(Probe.SYSTEM, Probe.RECENT_ERRORS), ProbeCatalogue.parse("system, recent-errors,system"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ProbeCatalogue.parse("system,rm -rf"));
        assertTrue(e.getMessage().contains("rm -rf"));
    }
}
