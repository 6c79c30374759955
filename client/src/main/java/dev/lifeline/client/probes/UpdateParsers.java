package dev.lifeline.client.probes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lifeline.common.wire.diagnostics.InstalledUpdate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installed updates and pending-restart flags as Windows and macOS print them: PowerShell's
 * {@code Get-HotFix | ConvertTo-Json}, the registry check of {@link UpdateProbe#WINDOWS_REBOOT_ARGS}
 * and {@code softwareupdate --history}. What does not parse is skipped and counted, never guessed.
 */
final class UpdateParsers {
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");
    /** {@code softwareupdate --history}: "macOS Sonoma 14.6.1   14.6.1   08/08/2024, 09:00:00". */
    private static final Pattern HISTORY_LINE = Pattern.compile("^(.+?)\\s{2,}(\\S+)\\s{2,}(\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}:\\d{2})\\s*$");
    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy, HH:mm:ss", Locale.ROOT);
    /** The registry flags the Windows check reports, and what each means for a person. */
    static final Map<String, String> WINDOWS_REBOOT_FLAGS = Map.of(
            "ComponentBasedServicing", "Windows component servicing (CBS) waits for a restart",
            "WindowsUpdate", "Windows Update waits for a restart",
            "PendingFileRename", "files are waiting to be replaced at the next restart");

    record Updates(List<InstalledUpdate> updates, int skipped) {
    }

    private UpdateParsers() {
    }

    /**
     * {@code Get-HotFix | Select-Object HotFixID,Description,InstalledOn | ConvertTo-Json}: an
     * array, or one object when there is one hot fix. Windows PowerShell 5.1 writes dates as
     * {@code "\/Date(ms)\/"} (sometimes wrapped as {@code {"value": ..., "DateTime": ...}}),
     * PowerShell 7 as ISO-8601; InstalledOn is null for some entries. Newest first.
     */
    static Updates hotFixes(String json, ZoneId zone) {
        List<InstalledUpdate> out = new ArrayList<>();
        int skipped = 0;
        if (json.isBlank()) {
            return new Updates(out, 0);
        }
        List<JsonElement> items = LogParsers.powerShellItems(json);
        for (JsonElement item : items) {
            try {
                JsonObject o = item.getAsJsonObject();
                String id = string(o.get("HotFixID"));
                if (id.isBlank()) {
                    skipped++;
                    continue;
                }
                out.add(InstalledUpdate.newBuilder().setName(Probes.cap(id.strip(), 100))
                        .setVersion(Probes.cap(string(o.get("Description")).strip(), 60))
                        .setTimeMs(powershellTime(o.get("InstalledOn"), zone)).build());
            } catch (IllegalStateException | DateTimeParseException | UnsupportedOperationException | NumberFormatException e) {
                skipped++;
            }
        }
        out.sort(Comparator.comparingLong(InstalledUpdate::getTimeMs).reversed());
        return new Updates(out, skipped);
    }

    /** A date as ConvertTo-Json writes it; 0 when PowerShell had none. */
    static long powershellTime(JsonElement v, ZoneId zone) {
        if (v == null || v.isJsonNull()) {
            return 0;
        }
        if (v.isJsonObject()) {
            return powershellTime(v.getAsJsonObject().get("value"), zone);
        }
        String s = v.getAsString().strip();
        if (s.isEmpty()) {
            return 0;
        }
        Matcher m = MS_DATE.matcher(s);
        if (m.find()) {
            return Long.parseLong(m.group(1));
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        }
    }

    /**
     * The registry check's {@code {"ComponentBasedServicing":false,"WindowsUpdate":true,...}}: the
     * reasons of the flags that are set. Throws {@link JsonParseException} when it is not that object.
     */
    static List<String> windowsRebootReasons(String json) {
        JsonElement root = JsonParser.parseString(json.strip());
        if (!root.isJsonObject()) {
            throw new JsonParseException("not an object");
        }
        JsonObject o = root.getAsJsonObject();
        List<String> reasons = new ArrayList<>();
        boolean any = false;
        for (String key : List.of("ComponentBasedServicing", "WindowsUpdate", "PendingFileRename")) {
            JsonElement v = o.get(key);
            if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                continue;
            }
            any = true;
            if (v.getAsBoolean()) {
                reasons.add(WINDOWS_REBOOT_FLAGS.get(key));
            }
        }
        if (!any) {
            throw new JsonParseException("none of the restart flags present");
        }
        return reasons;
    }

    /**
     * {@code softwareupdate --history}: a header, a dashed line, then one column-aligned line
     * per update with the local install time. Newest first.
     */
    static Updates softwareUpdateHistory(String text, ZoneId zone) {
        List<InstalledUpdate> out = new ArrayList<>();
        int skipped = 0;
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("Display Name") || t.startsWith("---")) {
                continue;
            }
            Matcher m = HISTORY_LINE.matcher(t);
            if (!m.matches()) {
                skipped++;
                continue;
            }
            try {
                long time = LocalDateTime.parse(m.group(3), HISTORY_TIME).atZone(zone).toInstant().toEpochMilli();
                out.add(InstalledUpdate.newBuilder().setName(Probes.cap(m.group(1).strip(), 100))
                        .setVersion(Probes.cap(m.group(2), 60)).setTimeMs(time).build());
            } catch (DateTimeParseException e) {
                skipped++;
            }
        }
        out.sort(Comparator.comparingLong(InstalledUpdate::getTimeMs).reversed());
        return new Updates(out, skipped);
    }

    private static String string(JsonElement v) {
        return v == null || v.isJsonNull() ? "" : v.getAsString();
    }
}
