package dev.lifeline.common.diagnostics;

import dev.lifeline.common.wire.diagnostics.Probe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fixed list of probes a technician may ask for, with the names used on command lines and in
 * reports. Nothing outside this list can be requested: there is no arbitrary remote command.
 */
public final class ProbeCatalogue {
    /** Every probe, in the order a full check runs and reports them. */
    public static final List<Probe> ALL = List.of(Probe.SYSTEM, Probe.STORAGE, Probe.NETWORK, Probe.PROCESSES,
            Probe.RECENT_ERRORS, Probe.PRINTERS, Probe.POWER, Probe.DISPLAYS, Probe.UPDATES);

    private ProbeCatalogue() {
    }

    /** The command-line name: {@code system}, {@code recent-errors}, ... */
    public static String name(Probe probe) {
        return probe.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A heading for people. */
    public static String title(Probe probe) {
        return switch (probe) {
            case SYSTEM -> "System";
            case STORAGE -> "Storage";
            case NETWORK -> "Network";
            case PROCESSES -> "Processes";
            case RECENT_ERRORS -> "Recent errors";
            case PRINTERS -> "Printers";
            case POWER -> "Power and battery";
            case DISPLAYS -> "Displays";
            case UPDATES -> "Updates";
            default -> probe.name();
        };
    }

    /** What the probe reads, in one line, for the customer's preview. */
    public static String reads(Probe probe) {
        return switch (probe) {
            case SYSTEM -> "operating system, uptime, processor, memory, load, signed-in users";
            case STORAGE -> "drives, free space, disk health (SMART)";
            case NETWORK -> "network adapters, addresses, gateway, name lookups and connections to configured servers";
            case PROCESSES -> "the 15 programs using the most processor time and memory";
            case RECENT_ERRORS -> "error messages of the last 24 hours from the system log";
            case PRINTERS -> "printers, their state and waiting print jobs";
            case POWER -> "battery charge and health, power supply";
            case DISPLAYS -> "connected monitors and graphics adapters";
            case UPDATES -> "recently installed updates, pending restart";
            default -> "";
        };
    }

    /**
     * Reads a comma-separated list of names ({@code system,storage}) or {@code full}. Unknown names
     * are a typed error naming them; duplicates count once.
     */
    public static Set<Probe> parse(String list) {
        Set<Probe> probes = EnumSet.noneOf(Probe.class);
        List<String> unknown = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("full") || name.equals("all")) {
                probes.addAll(ALL);
                continue;
            }
            Probe match = null;
            for (Probe probe : ALL) {
                if (name(probe).equals(name)) {
                    match = probe;
                }
            }
            if (match == null) {
                unknown.add(name);
            } else {
                probes.add(match);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown probe(s) " + unknown + "; known: full, "
                    + String.join(", ", ALL.stream().map(ProbeCatalogue::name).toList()));
        }
        return probes;
    }

    /** True for a probe of the catalogue (not the wire's UNSPECIFIED or an unknown number). */
    public static boolean known(Probe probe) {
        return ALL.contains(probe);
    }
}
