package dev.lifeline.client.probes;

import java.time.Clock;
import oshi.SystemInfo;

/** What every probe may use: OSHI, the fixed-command runner, the customer's settings. */
public final class ProbeContext {
    private final Platform platform;
    private final CommandRunner commands;
    private final DiagnosticsSettings settings;
    private final Clock clock;
    private SystemInfo oshi;

    public ProbeContext(Platform platform, CommandRunner commands, DiagnosticsSettings settings, Clock clock) {
        this.platform = platform;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    public Platform platform() {
        return platform;
    }

    public CommandRunner commands() {
        return commands;
    }

    public DiagnosticsSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** OSHI's entry point, made on first use (its native look-ups are lazy, but not free). */
    public synchronized SystemInfo oshi() {
        if (oshi == null) {
            oshi = new SystemInfo();
        }
        return oshi;
    }
}
