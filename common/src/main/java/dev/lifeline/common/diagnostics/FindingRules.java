package dev.lifeline.common.diagnostics;

import dev.lifeline.common.wire.diagnostics.Battery;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.Evidence;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import dev.lifeline.common.wire.diagnostics.NameCheck;
import dev.lifeline.common.wire.diagnostics.NetworkData;
import dev.lifeline.common.wire.diagnostics.NetworkInterface;
import dev.lifeline.common.wire.diagnostics.PrinterEntry;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ReachCheck;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.diagnostics.SystemData;
import dev.lifeline.common.wire.diagnostics.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns probe results into findings. Each rule is one row of {@link #RULES}: an id, the probe it
 * reads and a function of the current and the previous snapshot (for trends such as growing
 * reallocated sectors). Thresholds and printer fault words are tables of their own below, so that
 * a changed threshold is a changed number, not changed code.
 */
public final class FindingRules {

    /** One rule: reads {@code probe}'s result now (and before) and returns zero or more findings. */
    public record Rule(String id, Probe probe, String description,
                       BiFunction<DiagnosticsSnapshot, DiagnosticsSnapshot, List<Finding>> check) {
    }

    /** A limit with the finding it raises when crossed. */
    public record Threshold(double limit, Severity severity, Suggestion suggestion) {
    }

    /** Free space on a volume, as a share of its size: below the limit, the finding. Most severe first. */
    public static final List<Threshold> VOLUME_FREE = List.of(
            new Threshold(0.05, Severity.CRITICAL, Suggestion.FIX_REMOTELY),
            new Threshold(0.10, Severity.WARNING, Suggestion.FIX_REMOTELY));
    /** Battery capacity left compared with its design: below the limit, the finding. */
    public static final List<Threshold> BATTERY_HEALTH = List.of(
            new Threshold(50, Severity.CRITICAL, Suggestion.ONSITE_VISIT),
            new Threshold(70, Severity.INFO, Suggestion.FIX_REMOTELY));
    /** Memory still available as a share of the total. */
    public static final List<Threshold> MEMORY_AVAILABLE = List.of(
            new Threshold(0.05, Severity.WARNING, Suggestion.FIX_REMOTELY));
    /** Processor busy over the measuring second, percent: above the limit, the finding. */
    public static final double CPU_BUSY_PERCENT = 90;
    /** Days up without a restart. */
    public static final double LONG_UPTIME_DAYS = 30;
    /** Crashes of one program in the log window from which it is a reproducible software fault. */
    public static final int REPEATED_CRASHES = 2;
    /** Receive plus send errors on one wired adapter that point at the cable or the port. */
    public static final long INTERFACE_ERRORS = 1000;
    /** Round trip to the relay above which the line is slow for screen work. */
    public static final int SLOW_RELAY_MS = 300;
    /** Jobs waiting in one printer's queue from which it is stuck. */
    public static final int STUCK_QUEUE_JOBS = 10;
    /** NVMe wear ("percentage used") from which the drive is near its end. */
    public static final int NVME_WORN_PERCENT = 90;

    /**
     * Printer state reasons (IPP printer-state-reasons, CUPS and Windows wording) and what they
     * mean: hardware that needs a visit, or supplies and settings the customer can fix with help.
     */
    public static final Map<String, Suggestion> PRINTER_REASONS = printerReasons();

    private static Map<String, Suggestion> printerReasons() {
        Map<String, Suggestion> m = new LinkedHashMap<>();
        for (String hw : List.of("fuser", "jam", "door-open", "cover-open", "interlock", "hardware", "service",
                "paper-problem", "mechanical", "motor", "laser", "opc-life-over", "developer-low")) {
            m.put(hw, Suggestion.ONSITE_VISIT);
        }
        for (String supply : List.of("toner", "marker-supply", "ink", "media-empty", "media-needed", "paper-out",
                "offline", "paused", "stopped", "connecting-to-device", "spool-area-full")) {
            m.put(supply, Suggestion.FIX_REMOTELY);
        }
        return Map.copyOf(m);
    }

    public static final List<Rule> RULES = List.of(
            new Rule("disk.smart-failing", Probe.STORAGE, "a disk's SMART self-assessment says FAILED",
                    FindingRules::smartFailing),
            new Rule("disk.reallocated-growing", Probe.STORAGE,
                    "a disk's reallocated or pending sector count grew between two checks", FindingRules::sectorsGrowing),
            new Rule("disk.reallocated-present", Probe.STORAGE, "a disk has reallocated or pending sectors",
                    FindingRules::sectorsPresent),
            new Rule("disk.nvme-worn", Probe.STORAGE, "an NVMe drive reports media errors or is near its wear limit",
                    FindingRules::nvmeWorn),
            new Rule("volume.low-space", Probe.STORAGE, "a volume is almost full", FindingRules::lowSpace),
            new Rule("network.no-link", Probe.NETWORK, "no physical network adapter has a link",
                    FindingRules::noLink),
            new Rule("network.interface-errors", Probe.NETWORK, "a network adapter counts many transmission errors",
                    FindingRules::interfaceErrors),
            new Rule("network.dns-failing", Probe.NETWORK, "a configured name does not resolve", FindingRules::dnsFailing),
            new Rule("network.endpoint-unreachable", Probe.NETWORK, "a configured server or the gateway cannot be reached",
                    FindingRules::unreachable),
            new Rule("network.relay-slow", Probe.NETWORK, "the round trip to the relay is slow", FindingRules::relaySlow),
            new Rule("battery.health", Probe.POWER, "a battery holds far less than its design capacity",
                    FindingRules::batteryHealth),
            new Rule("printer.fault", Probe.PRINTERS, "a printer reports a fault", FindingRules::printerFault),
            new Rule("printer.queue-stuck", Probe.PRINTERS, "print jobs pile up in a queue", FindingRules::queueStuck),
            new Rule("errors.repeated-crash", Probe.RECENT_ERRORS,
                    "the same program crashed repeatedly in the last 24 hours", FindingRules::repeatedCrash),
            new Rule("system.memory-pressure", Probe.SYSTEM, "almost no memory is available", FindingRules::memoryPressure),
            new Rule("system.cpu-busy", Probe.SYSTEM, "the processor is saturated", FindingRules::cpuBusy),
            new Rule("system.long-uptime", Probe.SYSTEM, "the machine has not restarted for a long time",
                    FindingRules::longUptime),
            new Rule("updates.reboot-pending", Probe.UPDATES, "installed updates wait for a restart",
                    FindingRules::rebootPending));

    private FindingRules() {
    }

    /** Runs every rule; a rule whose probe has no usable result is skipped. */
    public static Evaluation evaluate(DiagnosticsSnapshot now, DiagnosticsSnapshot previous) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            if (now.usable(rule.probe()).isPresent()) {
                findings.addAll(rule.check().apply(now, previous == null ? DiagnosticsSnapshot.EMPTY : previous));
            }
        }
        findings.sort(Comparator.comparingInt((Finding f) -> -f.getSeverity().getNumber()));
        return new Evaluation(findings, Evaluation.recommend(findings));
    }

    public static Evaluation evaluate(DiagnosticsSnapshot now) {
        return evaluate(now, DiagnosticsSnapshot.EMPTY);
    }

    // --- storage ---

    private static List<Finding> smartFailing(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (Disk d : disks(now)) {
            if (d.getHealth() == DiskHealth.FAILING) {
                out.add(finding("disk.smart-failing", Severity.CRITICAL, Suggestion.ONSITE_VISIT,
                        "Disk " + diskName(d) + " is failing (SMART)",
                        "Back up the data now, then replace the disk on site.")
                        .addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d), "SMART overall health: FAILED"
                                + (d.getSmartMessagesCount() > 0 ? " (" + String.join("; ", d.getSmartMessagesList()) + ")" : "")))
                        .addParts(replacementDisk(d)).addSkills("disk replacement").addSkills("data backup and restore")
                        .build());
            }
        }
        return out;
    }

    private static List<Finding> sectorsGrowing(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        List<Disk> earlier = disks(before);
        for (Disk d : disks(now)) {
            Disk old = earlier.stream().filter(e -> sameDisk(e, d)).findFirst().orElse(null);
            if (old == null) {
                continue;
            }
            long grownRealloc = d.hasReallocatedSectors() && old.hasReallocatedSectors()
                    ? d.getReallocatedSectors() - old.getReallocatedSectors() : 0;
            long grownPending = d.hasPendingSectors() && old.hasPendingSectors()
                    ? d.getPendingSectors() - old.getPendingSectors() : 0;
            if (grownRealloc > 0 || grownPending > 0) {
                Finding.Builder f = finding("disk.reallocated-growing", Severity.CRITICAL, Suggestion.ONSITE_VISIT,
                        "Disk " + diskName(d) + " is losing sectors while we watch",
                        "The surface is degrading: back up now and replace the disk on site.");
                if (grownRealloc > 0) {
                    f.addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d), "reallocated sectors "
                            + old.getReallocatedSectors() + " → " + d.getReallocatedSectors()));
                }
                if (grownPending > 0) {
                    f.addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d), "pending sectors "
                            + old.getPendingSectors() + " → " + d.getPendingSectors()));
                }
                out.add(f.addParts(replacementDisk(d)).addSkills("disk replacement").addSkills("data backup and restore").build());
            }
        }
        return out;
    }

    private static List<Finding> sectorsPresent(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        List<Disk> earlier = disks(before);
        for (Disk d : disks(now)) {
            long realloc = d.hasReallocatedSectors() ? d.getReallocatedSectors() : 0;
            long pending = d.hasPendingSectors() ? d.getPendingSectors() : 0;
            boolean growing = earlier.stream().anyMatch(e -> sameDisk(e, d)
                    && ((e.hasReallocatedSectors() && realloc > e.getReallocatedSectors())
                    || (e.hasPendingSectors() && pending > e.getPendingSectors())));
            if ((realloc > 0 || pending > 0) && !growing && d.getHealth() != DiskHealth.FAILING) {
                // Pending sectors are unreadable now; a stable reallocated count alone is worth watching.
                boolean unreadable = pending > 0;
                out.add(finding("disk.reallocated-present", unreadable ? Severity.CRITICAL : Severity.WARNING,
                        unreadable ? Suggestion.ONSITE_VISIT : Suggestion.FIX_REMOTELY,
                        "Disk " + diskName(d) + (unreadable ? " has unreadable sectors" : " has reallocated sectors"),
                        unreadable ? "Back up now; the disk should be replaced on site."
                                : "Back up and check again later: a growing count means the disk must be replaced.")
                        .addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d),
                                "reallocated sectors " + realloc + ", pending sectors " + pending))
                        .addAllParts(unreadable ? List.of(replacementDisk(d)) : List.of())
                        .addAllSkills(unreadable ? List.of("disk replacement") : List.of())
                        .build());
            }
        }
        return out;
    }

    private static List<Finding> nvmeWorn(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (Disk d : disks(now)) {
            boolean errors = d.hasMediaErrors() && d.getMediaErrors() > 0;
            boolean worn = d.hasPercentageUsed() && d.getPercentageUsed() >= NVME_WORN_PERCENT;
            if (errors || worn) {
                Finding.Builder f = finding("disk.nvme-worn", Severity.WARNING, Suggestion.ONSITE_VISIT,
                        "Disk " + diskName(d) + (errors ? " reports media errors" : " is near the end of its life"),
                        "Plan a replacement visit; back up in the meantime.");
                if (errors) {
                    f.addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d), "media and data integrity errors: " + d.getMediaErrors()));
                }
                if (worn) {
                    f.addEvidence(evidence(Probe.STORAGE, "disk " + diskName(d), "percentage used: " + d.getPercentageUsed() + "%"));
                }
                out.add(f.addParts(replacementDisk(d)).addSkills("disk replacement").build());
            }
        }
        return out;
    }

    private static List<Finding> lowSpace(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (Volume v : now.usable(Probe.STORAGE).orElseThrow().getStorage().getVolumesList()) {
            if (v.getTotalBytes() == 0) {
                continue;
            }
            double free = (double) v.getUsableBytes() / v.getTotalBytes();
            for (Threshold t : VOLUME_FREE) {
                if (free < t.limit()) {
                    out.add(finding("volume.low-space", t.severity(), t.suggestion(),
                            "Volume " + v.getMount() + " is almost full",
                            "Free space remotely: empty temporary files, move or archive large files.")
                            .addEvidence(evidence(Probe.STORAGE, "volume " + v.getMount(), String.format(Locale.ROOT,
                                    "%s free of %s (%.1f %%)", bytes(v.getUsableBytes()), bytes(v.getTotalBytes()), free * 100)))
                            .build());
                    break;
                }
            }
        }
        return out;
    }

    // --- network ---

    private static List<Finding> noLink(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        NetworkData n = network(now);
        List<NetworkInterface> physical = n.getInterfacesList().stream().filter(NetworkInterface::getPhysical).toList();
        if (physical.isEmpty() || physical.stream().anyMatch(NetworkInterface::getLinkUp)) {
            return List.of();
        }
        Finding.Builder f = finding("network.no-link", Severity.CRITICAL, Suggestion.ONSITE_VISIT,
                "No network adapter has a physical link",
                "Check cable, wall socket and switch port on site; the session itself may be running over a "
                        + "tethered or virtual connection.");
        for (NetworkInterface i : physical) {
            f.addEvidence(evidence(Probe.NETWORK, "interface " + i.getName(), "link down (" + i.getOperStatus() + ")"));
        }
        return List.of(f.addParts("network cable").addParts("spare network adapter")
                .addSkills("network cabling").addSkills("switch port diagnosis").build());
    }

    private static List<Finding> interfaceErrors(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (NetworkInterface i : network(now).getInterfacesList()) {
            long errors = i.getInErrors() + i.getOutErrors();
            if (i.getPhysical() && errors >= INTERFACE_ERRORS) {
                out.add(finding("network.interface-errors", Severity.WARNING, Suggestion.ONSITE_VISIT,
                        "Adapter " + i.getName() + " counts many transmission errors",
                        "Often a damaged cable or a bad port: replace the cable, try another port.")
                        .addEvidence(evidence(Probe.NETWORK, "interface " + i.getName(),
                                "receive errors " + i.getInErrors() + ", send errors " + i.getOutErrors()))
                        .addParts("network cable").addSkills("network cabling").build());
            }
        }
        return out;
    }

    private static List<Finding> dnsFailing(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (NameCheck c : network(now).getNamesList()) {
            if (!c.getResolved()) {
                out.add(finding("network.dns-failing", Severity.WARNING, Suggestion.FIX_REMOTELY,
                        "Name " + c.getName() + " does not resolve",
                        "Check the DNS servers configured on the machine and the router.")
                        .addEvidence(evidence(Probe.NETWORK, "name " + c.getName(), "lookup failed: " + c.getError()))
                        .build());
            }
        }
        return out;
    }

    private static List<Finding> unreachable(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        NetworkData n = network(now);
        List<ReachCheck> checks = new ArrayList<>(n.getEndpointsList());
        if (n.hasGateway()) {
            checks.add(n.getGateway());
        }
        List<Finding> out = new ArrayList<>();
        for (ReachCheck c : checks) {
            if (!c.getReachable()) {
                out.add(finding("network.endpoint-unreachable", Severity.WARNING, Suggestion.FIX_REMOTELY,
                        c.getKind() + " " + c.getTarget() + " cannot be reached",
                        "Check firewall, proxy and router settings for this destination.")
                        .addEvidence(evidence(Probe.NETWORK, c.getKind() + " " + c.getTarget(), c.getError()))
                        .build());
            }
        }
        return out;
    }

    private static List<Finding> relaySlow(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        NetworkData n = network(now);
        if (!n.hasRelay() || !n.getRelay().getReachable() || n.getRelay().getMillis() < SLOW_RELAY_MS) {
            return List.of();
        }
        return List.of(finding("network.relay-slow", Severity.INFO, Suggestion.FIX_REMOTELY,
                "The connection to the relay is slow", "Expect a sluggish screen; prefer Fast quality.")
                .addEvidence(evidence(Probe.NETWORK, "relay " + n.getRelay().getTarget(),
                        "round trip " + n.getRelay().getMillis() + " ms"))
                .build());
    }

    // --- power, printers ---

    private static List<Finding> batteryHealth(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (Battery b : now.usable(Probe.POWER).orElseThrow().getPower().getBatteriesList()) {
            if (b.getHealthPercent() < 0) {
                continue;
            }
            for (Threshold t : BATTERY_HEALTH) {
                if (b.getHealthPercent() < t.limit()) {
                    boolean failed = t.suggestion() == Suggestion.ONSITE_VISIT;
                    out.add(finding("battery.health", t.severity(), t.suggestion(),
                            "Battery " + b.getName() + (failed ? " has failed" : " is wearing out"),
                            failed ? "Replace the battery on site." : "Plan a replacement; it still works.")
                            .addEvidence(evidence(Probe.POWER, "battery " + b.getName(), String.format(Locale.ROOT,
                                    "holds %.0f %% of its design capacity (%d of %d %s), %s cycles", b.getHealthPercent(),
                                    b.getFullCapacity(), b.getDesignCapacity(), b.getCapacityUnits(),
                                    b.getCycleCount() < 0 ? "unknown" : String.valueOf(b.getCycleCount()))))
                            .addAllParts(failed ? List.of("replacement battery" + (b.getChemistry().isBlank() ? "" : " (" + b.getChemistry() + ")")) : List.of())
                            .addAllSkills(failed ? List.of("laptop battery replacement") : List.of())
                            .build());
                    break;
                }
            }
        }
        return out;
    }

    private static List<Finding> printerFault(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (PrinterEntry p : now.usable(Probe.PRINTERS).orElseThrow().getPrinters().getPrintersList()) {
            String status = p.getStatus().toUpperCase(Locale.ROOT);
            if (!status.equals("ERROR") && !status.equals("OFFLINE")) {
                continue;
            }
            String reason = p.getStatusReason().toLowerCase(Locale.ROOT);
            Suggestion suggestion = null;
            String matched = "";
            for (Map.Entry<String, Suggestion> e : PRINTER_REASONS.entrySet()) {
                if (reason.contains(e.getKey()) && (suggestion == null || e.getValue() == Suggestion.ONSITE_VISIT)) {
                    suggestion = e.getValue();
                    matched = e.getKey();
                }
            }
            if (suggestion == null) {
                // An error the printer does not explain: try remotely first (driver, queue, restart).
                suggestion = Suggestion.FIX_REMOTELY;
            }
            boolean hardware = suggestion == Suggestion.ONSITE_VISIT;
            out.add(finding("printer.fault", hardware ? Severity.CRITICAL : Severity.WARNING, suggestion,
                    "Printer " + p.getName() + (hardware ? " has a hardware fault" : " is " + status.toLowerCase(Locale.ROOT)),
                    hardware ? "The printer needs a technician on site." : "Clear the queue, check supplies and the connection with the customer.")
                    .addEvidence(evidence(Probe.PRINTERS, "printer " + p.getName(), "status " + status
                            + (p.getStatusReason().isBlank() ? "" : ", reason: " + p.getStatusReason())
                            + (matched.isEmpty() ? "" : " (" + matched + ")")))
                    .addAllParts(hardware ? List.of("printer service kit for " + (p.getDriver().isBlank() ? p.getName() : p.getDriver())) : List.of())
                    .addAllSkills(hardware ? List.of("printer repair") : List.of())
                    .build());
        }
        return out;
    }

    private static List<Finding> queueStuck(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        List<Finding> out = new ArrayList<>();
        for (PrinterEntry p : now.usable(Probe.PRINTERS).orElseThrow().getPrinters().getPrintersList()) {
            if (p.hasQueuedJobs() && p.getQueuedJobs() >= STUCK_QUEUE_JOBS) {
                out.add(finding("printer.queue-stuck", Severity.WARNING, Suggestion.FIX_REMOTELY,
                        "Print jobs pile up for " + p.getName(), "Cancel stuck jobs and restart the print spooler.")
                        .addEvidence(evidence(Probe.PRINTERS, "printer " + p.getName(), p.getQueuedJobs() + " jobs waiting"))
                        .build());
            }
        }
        return out;
    }

    // --- errors, system, updates ---

    private static List<Finding> repeatedCrash(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        Map<String, List<LogEntry>> byApp = new LinkedHashMap<>();
        for (LogEntry e : now.usable(Probe.RECENT_ERRORS).orElseThrow().getErrors().getEntriesList()) {
            if (e.getCrash() && !e.getApplication().isBlank()) {
                byApp.computeIfAbsent(e.getApplication(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        byApp.forEach((app, crashes) -> {
            boolean repeated = crashes.size() >= REPEATED_CRASHES;
            Finding.Builder f = finding("errors.repeated-crash", repeated ? Severity.WARNING : Severity.INFO,
                    repeated ? Suggestion.ESCALATE_DEVELOPMENT : Suggestion.FIX_REMOTELY,
                    app + (repeated ? " crashed " + crashes.size() + " times in the last 24 hours" : " crashed once"),
                    repeated ? "A reproducible software fault: send a bug report with these log entries to development."
                            : "Note it; if it happens again, escalate.");
            crashes.stream().limit(5).forEach(c -> f.addEvidence(evidence(Probe.RECENT_ERRORS, app,
                    java.time.Instant.ofEpochMilli(c.getTimeMs()) + ": " + c.getMessage())));
            out.add(f.build());
        });
        return out;
    }

    private static List<Finding> memoryPressure(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        SystemData s = system(now);
        if (s.getMemoryTotalBytes() == 0) {
            return List.of();
        }
        double available = (double) s.getMemoryAvailableBytes() / s.getMemoryTotalBytes();
        for (Threshold t : MEMORY_AVAILABLE) {
            if (available < t.limit()) {
                return List.of(finding("system.memory-pressure", t.severity(), t.suggestion(),
                        "Almost no memory is available", "Close the biggest programs (see Processes); restart if it persists.")
                        .addEvidence(evidence(Probe.SYSTEM, "memory", String.format(Locale.ROOT, "%s available of %s",
                                bytes(s.getMemoryAvailableBytes()), bytes(s.getMemoryTotalBytes()))))
                        .build());
            }
        }
        return List.of();
    }

    private static List<Finding> cpuBusy(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        SystemData s = system(now);
        if (s.getCpuLoadPercent() < CPU_BUSY_PERCENT) {
            return List.of();
        }
        Finding.Builder f = finding("system.cpu-busy", Severity.WARNING, Suggestion.FIX_REMOTELY,
                "The processor is saturated", "Find the busy program (see Processes) and stop or update it.")
                .addEvidence(evidence(Probe.SYSTEM, "processor", String.format(Locale.ROOT, "%.0f %% busy", s.getCpuLoadPercent())));
        now.usable(Probe.PROCESSES).ifPresent(p -> p.getProcesses().getTopCpuList().stream().limit(1).forEach(top ->
                f.addEvidence(evidence(Probe.PROCESSES, top.getName(), String.format(Locale.ROOT, "%.0f %% processor", top.getCpuPercent())))));
        return List.of(f.build());
    }

    private static List<Finding> longUptime(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        SystemData s = system(now);
        double days = s.getUptimeSeconds() / 86400.0;
        if (days < LONG_UPTIME_DAYS) {
            return List.of();
        }
        return List.of(finding("system.long-uptime", Severity.INFO, Suggestion.FIX_REMOTELY,
                "No restart for " + (long) days + " days", "A restart may clear the problem and apply updates.")
                .addEvidence(evidence(Probe.SYSTEM, "uptime", (long) days + " days")).build());
    }

    private static List<Finding> rebootPending(DiagnosticsSnapshot now, DiagnosticsSnapshot before) {
        var u = now.usable(Probe.UPDATES).orElseThrow().getUpdates();
        if (!u.hasRebootPending() || !u.getRebootPending()) {
            return List.of();
        }
        return List.of(finding("updates.reboot-pending", Severity.INFO, Suggestion.FIX_REMOTELY,
                "Updates wait for a restart", "Restart the machine (with the customer's agreement).")
                .addEvidence(evidence(Probe.UPDATES, "restart", "pending" + (u.getRebootReasonsCount() == 0 ? ""
                        : " for " + String.join(", ", u.getRebootReasonsList().stream().limit(5).toList()))))
                .build());
    }

    // --- helpers ---

    private static Finding.Builder finding(String id, Severity severity, Suggestion suggestion, String summary, String advice) {
        return Finding.newBuilder().setRuleId(id).setSeverity(severity).setSuggestion(suggestion)
                .setSummary(summary).setAdvice(advice);
    }

    private static Evidence evidence(Probe probe, String item, String value) {
        return Evidence.newBuilder().setProbe(probe).setItem(item).setValue(value == null ? "" : value).build();
    }

    private static List<Disk> disks(DiagnosticsSnapshot s) {
        return s.usable(Probe.STORAGE).map(r -> r.getStorage().getDisksList()).orElse(List.of());
    }

    private static NetworkData network(DiagnosticsSnapshot s) {
        return s.usable(Probe.NETWORK).map(ProbeResult::getNetwork).orElse(NetworkData.getDefaultInstance());
    }

    private static SystemData system(DiagnosticsSnapshot s) {
        return s.usable(Probe.SYSTEM).map(ProbeResult::getSystem).orElse(SystemData.getDefaultInstance());
    }

    private static boolean sameDisk(Disk a, Disk b) {
        return !a.getSerial().isBlank() ? a.getSerial().equals(b.getSerial()) : a.getName().equals(b.getName());
    }

    private static String diskName(Disk d) {
        return d.getModel().isBlank() ? d.getName() : d.getName() + " (" + d.getModel() + ")";
    }

    private static String replacementDisk(Disk d) {
        return "replacement disk, at least " + bytes(d.getSizeBytes())
                + (d.getModel().isBlank() ? "" : " (now: " + d.getModel() + ")");
    }

    /** 1.5 GB, 931 GB: decimal units, as disks are sold. */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
