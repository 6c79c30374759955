package dev.lifeline.client.probes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.lifeline.common.wire.diagnostics.PrinterData;
import dev.lifeline.common.wire.diagnostics.PrinterEntry;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import oshi.hardware.Printer;

/**
 * Printers and their state (OSHI); waiting jobs per queue from {@code lpstat -o} where CUPS is
 * installed (Linux, macOS) and from {@code Get-Printer}'s JobCount on Windows.
 */
final class PrinterProbe implements DiagnosticProbe {
    static final int MAX_PRINTERS = 32;

    @Override
    public Probe kind() {
        return Probe.PRINTERS;
    }

    @Override
    public void run(ProbeContext context, ProbeResult.Builder result) throws Exception {
        List<Printer> printers = context.oshi().getHardware().getPrinters();
        Map<String, Integer> queued = new HashMap<>();
        boolean queues = false;
        if (context.platform() == Platform.LINUX || context.platform() == Platform.MACOS) {
            if (context.commands().find("lpstat").isPresent()) {
                CommandOutput out = context.commands().run("lpstat", List.of("-o"), Duration.ofSeconds(5), 256 * 1024);
                queued = queueCounts(out.stdout());
                queues = true;
            } else {
                result.addNotes("print queues: lpstat (CUPS) is not installed");
            }
        } else if (context.platform() == Platform.WINDOWS) {
            try {
                CommandOutput out = context.commands().run("powershell", WINDOWS_QUEUE_ARGS, Duration.ofSeconds(10), 256 * 1024);
                queued = windowsQueueCounts(out.stdout());
                queues = true;
            } catch (JsonParseException | ProbeUnavailableException | TimeoutException e) {
                // Get-Printer needs the PrintManagement module (Windows 8 and later).
                result.addNotes("print queues: Get-Printer could not be read (" + e.getMessage() + ")");
            }
        } else {
            result.addNotes("print queues: not available on this platform");
        }
        PrinterData.Builder d = PrinterData.newBuilder();
        for (Printer p : printers.stream().limit(MAX_PRINTERS).toList()) {
            PrinterEntry.Builder e = PrinterEntry.newBuilder().setName(Probes.cap(p.getName(), 100))
                    .setDriver(Probes.cap(p.getDriverName(), 100)).setStatus(String.valueOf(p.getStatus()))
                    .setStatusReason(Probes.cap(p.getStatusReason(), 200)).setIsDefault(p.isDefault()).setLocal(p.isLocal())
                    .setPort(Probes.cap(p.getPortName(), 100));
            if (queues) {
                e.setQueuedJobs(queued.getOrDefault(p.getName(), 0));
            }
            d.addPrinters(e);
        }
        result.setPrinters(d);
        if (!queues && result.getStatus() == ProbeStatus.OK && !printers.isEmpty()) {
            result.setStatus(ProbeStatus.PARTIAL);
        }
        long faulty = d.getPrintersList().stream().filter(p -> p.getStatus().equals("ERROR") || p.getStatus().equals("OFFLINE")).count();
        result.setSummary(printers.isEmpty() ? "no printers installed"
                : printers.size() + " printer(s)" + (faulty > 0 ? ", " + faulty + " in error or offline" : ", none in error"));
    }

    /** Waiting jobs per printer on Windows: Get-Printer's JobCount (the spooler's count), as JSON. */
    static final List<String> WINDOWS_QUEUE_ARGS = List.of("-NoProfile", "-NonInteractive", "-Command",
            "Get-Printer | Select-Object Name,JobCount,PrinterStatus | ConvertTo-Json -Compress");

    /**
     * {@code Get-Printer | Select-Object Name,JobCount,PrinterStatus | ConvertTo-Json}: an array,
     * or one object when one printer is installed; nothing at all when none is.
     */
    static Map<String, Integer> windowsQueueCounts(String json) {
        Map<String, Integer> counts = new HashMap<>();
        if (json.isBlank()) {
            return counts;
        }
        List<JsonElement> items = LogParsers.powerShellItems(json);
        for (JsonElement item : items) {
            if (!item.isJsonObject()) {
                continue;
            }
            JsonObject o = item.getAsJsonObject();
            JsonElement name = o.get("Name");
            JsonElement jobs = o.get("JobCount");
            if (name != null && name.isJsonPrimitive() && jobs != null && jobs.isJsonPrimitive() && jobs.getAsJsonPrimitive().isNumber()) {
                counts.put(name.getAsString(), Math.max(0, jobs.getAsInt()));
            }
        }
        return counts;
    }

    /** {@code lpstat -o} lines look like "queue-123 user 1024 Mon 23 Nov 2026 ...": jobs per queue. */
    static Map<String, Integer> queueCounts(String lpstat) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lpstat.split("\n")) {
            String first = line.strip().split("\\s+", 2)[0];
            int dash = first.lastIndexOf('-');
            if (dash > 0 && first.substring(dash + 1).chars().allMatch(Character::isDigit) && dash < first.length() - 1) {
                counts.merge(first.substring(0, dash), 1, Integer::sum);
            }
        }
        return counts;
    }
}
