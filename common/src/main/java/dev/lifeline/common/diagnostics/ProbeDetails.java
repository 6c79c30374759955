package dev.lifeline.common.diagnostics;

import dev.lifeline.common.wire.diagnostics.Battery;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DisplayEntry;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import dev.lifeline.common.wire.diagnostics.NameCheck;
import dev.lifeline.common.wire.diagnostics.NetworkInterface;
import dev.lifeline.common.wire.diagnostics.PrinterEntry;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProcessEntry;
import dev.lifeline.common.wire.diagnostics.ReachCheck;
import dev.lifeline.common.wire.diagnostics.SystemData;
import dev.lifeline.common.wire.diagnostics.Volume;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A probe result as lines a person reads (the Console's panel, its copy button and the report):
 * the values, not the JSON. Values from the customer's machine are shown as they came.
 */
public final class ProbeDetails {
    /** Log lines shown at most; the rest are in the report's JSON. */
    static final int MAX_LOG_LINES = 30;

    private ProbeDetails() {
    }

    public static List<String> lines(ProbeResult r) {
        List<String> out = new ArrayList<>();
        switch (r.getDataCase()) {
            case SYSTEM -> system(r.getSystem(), out);
            case STORAGE -> {
                for (Volume v : r.getStorage().getVolumesList()) {
                    out.add(String.format(Locale.ROOT, "volume %s (%s): %s free of %s", v.getMount(), v.getType(),
                            FindingRules.bytes(v.getUsableBytes()), FindingRules.bytes(v.getTotalBytes())));
                }
                for (Disk d : r.getStorage().getDisksList()) {
                    StringBuilder b = new StringBuilder("disk ").append(d.getName());
                    if (!d.getModel().isBlank()) {
                        b.append(" ").append(d.getModel());
                    }
                    b.append(", ").append(FindingRules.bytes(d.getSizeBytes())).append(", health ")
                            .append(d.getHealthSource().isEmpty() ? "unknown" : d.getHealth() + " (" + d.getHealthSource() + ")");
                    if (d.hasReallocatedSectors()) {
                        b.append(", reallocated ").append(d.getReallocatedSectors());
                    }
                    if (d.hasPendingSectors()) {
                        b.append(", pending ").append(d.getPendingSectors());
                    }
                    if (d.hasPowerOnHours()) {
                        b.append(", ").append(d.getPowerOnHours()).append(" h on");
                    }
                    if (d.hasTemperatureCelsius()) {
                        b.append(", ").append(d.getTemperatureCelsius()).append(" °C");
                    }
                    out.add(b.toString());
                }
            }
            case NETWORK -> {
                var n = r.getNetwork();
                for (NetworkInterface i : n.getInterfacesList()) {
                    out.add(String.format(Locale.ROOT, "%s %s%s, %s%s", i.getName(), i.getOperStatus(),
                            i.getPhysical() ? " (physical)" : "", i.getIpv4Count() == 0 ? "no IPv4" : String.join(" ", i.getIpv4List()),
                            i.getSpeedBps() > 0 ? ", " + i.getSpeedBps() / 1_000_000 + " Mbit/s" : ""));
                }
                out.add("gateway " + (n.getIpv4Gateway().isBlank() ? "none" : n.getIpv4Gateway())
                        + (n.hasGateway() ? (n.getGateway().getReachable() ? " reachable, " + n.getGateway().getMillis() + " ms" : " not reachable") : ""));
                out.add("DNS servers: " + (n.getDnsServersCount() == 0 ? "none" : String.join(", ", n.getDnsServersList())));
                for (NameCheck c : n.getNamesList()) {
                    out.add("lookup " + c.getName() + ": " + (c.getResolved() ? String.join(", ", c.getAddressesList()) : "FAILED " + c.getError()));
                }
                for (ReachCheck c : n.getEndpointsList()) {
                    out.add(reach(c));
                }
                if (n.hasRelay()) {
                    out.add("relay " + reach(n.getRelay()));
                }
            }
            case PROCESSES -> {
                out.add(r.getProcesses().getProcessCount() + " processes; by processor:");
                for (ProcessEntry p : r.getProcesses().getTopCpuList()) {
                    out.add(String.format(Locale.ROOT, "  %6.1f %%  %-24s pid %d  %s", p.getCpuPercent(), p.getName(), p.getPid(), p.getUser()));
                }
                out.add("by memory:");
                for (ProcessEntry p : r.getProcesses().getTopMemoryList()) {
                    out.add(String.format(Locale.ROOT, "  %8s  %-24s pid %d  %s", FindingRules.bytes(p.getResidentBytes()), p.getName(), p.getPid(), p.getUser()));
                }
            }
            case ERRORS -> {
                var e = r.getErrors();
                out.add(e.getEntriesCount() + " entries from the " + e.getSource() + " (last " + e.getWindowHours() + " h"
                        + (e.getTruncated() ? ", capped" : "") + ")");
                for (LogEntry l : e.getEntriesList().stream().limit(MAX_LOG_LINES).toList()) {
                    out.add((l.getCrash() ? "CRASH " : "") + Instant.ofEpochMilli(l.getTimeMs()) + " " + l.getSource() + ": " + l.getMessage());
                }
            }
            case PRINTERS -> {
                for (PrinterEntry p : r.getPrinters().getPrintersList()) {
                    out.add(p.getName() + (p.getIsDefault() ? " (default)" : "") + ": " + p.getStatus()
                            + (p.getStatusReason().isBlank() ? "" : " — " + p.getStatusReason())
                            + (p.hasQueuedJobs() ? ", " + p.getQueuedJobs() + " job(s) waiting" : ""));
                }
            }
            case POWER -> {
                for (Battery b : r.getPower().getBatteriesList()) {
                    out.add(String.format(Locale.ROOT, "%s: %.0f %% charged, health %s, %s cycles, %s", b.getName(), b.getChargePercent(),
                            b.getHealthPercent() < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f %%", b.getHealthPercent()),
                            b.getCycleCount() < 0 ? "unknown" : String.valueOf(b.getCycleCount()), b.getCharging() ? "charging" : "not charging"));
                }
                out.add(r.getPower().getOnAcPower() ? "on mains power" : "on battery");
            }
            case DISPLAYS -> {
                for (DisplayEntry d : r.getDisplays().getDisplaysList()) {
                    out.add("monitor " + d.getManufacturer() + " " + d.getModel() + ", " + d.getPreferredResolution()
                            + (d.getWidthCm() > 0 ? ", " + d.getWidthCm() + "×" + d.getHeightCm() + " cm" : ""));
                }
                r.getDisplays().getGraphicsCardsList().forEach(g -> out.add("graphics: " + g));
            }
            case UPDATES -> {
                var u = r.getUpdates();
                out.add("restart pending: " + (u.hasRebootPending() ? (u.getRebootPending() ? "yes" : "no") : "unknown")
                        + (u.getRebootReasonsCount() > 0 ? " (" + String.join(", ", u.getRebootReasonsList()) + ")" : ""));
                u.getRecentList().forEach(i -> out.add(Instant.ofEpochMilli(i.getTimeMs()) + " " + i.getName() + " " + i.getVersion()));
            }
            default -> { }
        }
        r.getNotesList().forEach(n -> out.add("note: " + n));
        if (!r.getDetail().isBlank()) {
            out.add(r.getDetail());
        }
        return out;
    }

    private static void system(SystemData s, List<String> out) {
        out.add(s.getOsFamily() + " " + s.getOsVersion() + (s.getOsBuild().isBlank() ? "" : " (build " + s.getOsBuild() + ")")
                + ", " + s.getArchitecture() + ", host " + s.getHostname());
        out.add(String.format(Locale.ROOT, "processor %s, %d cores / %d threads, %s busy%s", s.getCpuModel(), s.getPhysicalCores(),
                s.getLogicalCores(), s.getCpuLoadPercent() < 0 ? "?" : String.format(Locale.ROOT, "%.0f %%", s.getCpuLoadPercent()),
                s.getLoadAverageCount() == 3 ? String.format(Locale.ROOT, ", load %.2f %.2f %.2f", s.getLoadAverage(0), s.getLoadAverage(1), s.getLoadAverage(2)) : ""));
        out.add("memory " + FindingRules.bytes(s.getMemoryAvailableBytes()) + " available of " + FindingRules.bytes(s.getMemoryTotalBytes())
                + ", swap " + FindingRules.bytes(s.getSwapUsedBytes()) + " used of " + FindingRules.bytes(s.getSwapTotalBytes()));
        out.add("up " + s.getUptimeSeconds() / 86400 + " d " + s.getUptimeSeconds() % 86400 / 3600 + " h, since " + Instant.ofEpochMilli(s.getBootTimeMs()));
        out.add("users: " + (s.getLoggedInUsersCount() == 0 ? "none signed in" : String.join(", ", s.getLoggedInUsersList())));
        if (!s.getManufacturer().isBlank() || !s.getModel().isBlank()) {
            out.add("machine: " + (s.getManufacturer() + " " + s.getModel()).strip()
                    + (s.getVirtualization().isBlank() ? "" : " (virtual: " + s.getVirtualization() + ")"));
        }
    }

    private static String reach(ReachCheck c) {
        return c.getKind() + " " + c.getTarget() + ": " + (c.getReachable()
                ? "reachable, " + c.getMillis() + " ms" + (c.getHttpStatus() > 0 ? ", HTTP " + c.getHttpStatus() : "")
                : "NOT reachable (" + c.getError() + ")");
    }
}
