package dev.lifeline.client.probes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.lifeline.common.wire.diagnostics.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the three platforms' error logs into {@link LogEntry}s and recognises crashes: systemd
 * journal JSON ({@code journalctl -o json}), Windows events ({@code Get-WinEvent | ConvertTo-Json})
 * and the macOS unified log ({@code log show --style ndjson}). Lines that do not parse are skipped
 * and counted, never guessed.
 */
final class LogParsers {
    static final int MAX_MESSAGE_CHARS = 300;
    /** systemd-coredump's message id: "Process N (name) of user U dumped core." */
    static final String COREDUMP_MESSAGE_ID = "fc2e22bc6ee647b6b90729ab34a250b1";
    private static final Pattern DUMPED_CORE = Pattern.compile("Process \\d+ \\((.{1,64}?)\\) of user \\d+ (?:dumped core|terminated abnormally)");
    private static final Pattern SEGFAULT = Pattern.compile("^([^\\s\\[]{1,64})\\[\\d+\\]: segfault at");
    private static final Pattern WINDOWS_FAULTING_APP = Pattern.compile("Faulting application name: ([^,\\r\\n]{1,128})");
    /** Event 1002 "Application Hang": "The program invoicer.exe version 4.2.0.0 stopped interacting with Windows ...". */
    private static final Pattern WINDOWS_HUNG_APP = Pattern.compile("The program ([^\\s]{1,128}) version");
    private static final Pattern WINDOWS_DATE = Pattern.compile("/Date\\((-?\\d+)\\)/");

    record Parsed(List<LogEntry> entries, int skipped) {
    }

    private LogParsers() {
    }

    static Parsed journal(String output) {
        List<LogEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                LogEntry.Builder e = LogEntry.newBuilder();
                e.setTimeMs(Long.parseLong(text(o, "__REALTIME_TIMESTAMP", "0")) / 1000);
                e.setPriority(Integer.parseInt(text(o, "PRIORITY", "3")));
                String unit = text(o, "_SYSTEMD_UNIT", "");
                e.setSource(Probes.cap(unit.isEmpty() ? text(o, "SYSLOG_IDENTIFIER", text(o, "_COMM", "")) : unit, 100));
                String message = text(o, "MESSAGE", "");
                e.setMessage(Probes.cap(message, MAX_MESSAGE_CHARS));
                String app = "";
                if (COREDUMP_MESSAGE_ID.equals(text(o, "MESSAGE_ID", ""))) {
                    app = text(o, "COREDUMP_COMM", "");
                    if (app.isEmpty()) {
                        Matcher m = DUMPED_CORE.matcher(message);
                        app = m.find() ? m.group(1) : "";
                    }
                } else {
                    Matcher m = SEGFAULT.matcher(message);
                    if (m.find()) {
                        app = m.group(1);
                    }
                }
                if (!app.isEmpty()) {
                    e.setCrash(true).setApplication(Probes.cap(app, 100));
                }
                entries.add(e.build());
            } catch (JsonParseException | IllegalStateException | NumberFormatException | UnsupportedOperationException ex) {
                skipped++;
            }
        }
        return new Parsed(entries, skipped);
    }

    /** journalctl writes MESSAGE as an array of bytes when it is not valid UTF-8. */
    private static String text(JsonObject o, String key, String fallback) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) {
            return fallback;
        }
        if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            byte[] bytes = new byte[Math.min(a.size(), 4 * MAX_MESSAGE_CHARS)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) a.get(i).getAsInt();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return v.getAsString();
    }

    /**
     * PowerShell's {@code ConvertTo-Json} writes one object for one result and an array for
     * several: the items either way.
     */
    static List<JsonElement> powerShellItems(String json) {
        JsonElement root = JsonParser.parseString(json);
        List<JsonElement> items = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(items::add);
        } else {
            items.add(root);
        }
        return items;
    }

    /**
     * {@code Get-WinEvent ... | Select-Object TimeCreated,Id,ProviderName,Level,Message |
     * ConvertTo-Json}: one object, or an array of them. Event 1000 of "Application Error" is an
     * application crash; 1002 "Application Hang" is counted as one too.
     */
    static Parsed windowsEvents(String json) {
        List<LogEntry> entries = new ArrayList<>();
        int skipped = 0;
        if (json.isBlank()) {
            return new Parsed(entries, 0);
        }
        List<JsonElement> items = powerShellItems(json);
        for (JsonElement item : items) {
            try {
                JsonObject o = item.getAsJsonObject();
                LogEntry.Builder e = LogEntry.newBuilder();
                String created = text(o, "TimeCreated", "");
                Matcher d = WINDOWS_DATE.matcher(created);
                if (d.find()) {
                    e.setTimeMs(Long.parseLong(d.group(1)));
                } else if (!created.isEmpty()) {
                    e.setTimeMs(OffsetDateTime.parse(created).toInstant().toEpochMilli());
                }
                int level = Integer.parseInt(text(o, "Level", "2"));
                e.setPriority(level <= 1 ? 2 : 3); // Critical → crit, Error → err
                String provider = text(o, "ProviderName", "");
                e.setSource(Probes.cap(provider, 100));
                String message = text(o, "Message", "");
                e.setMessage(Probes.cap(message, MAX_MESSAGE_CHARS));
                int id = Integer.parseInt(text(o, "Id", "0"));
                if ((id == 1000 && provider.equals("Application Error")) || (id == 1002 && provider.equals("Application Hang"))) {
                    Matcher m = (id == 1000 ? WINDOWS_FAULTING_APP : WINDOWS_HUNG_APP).matcher(message);
                    if (m.find()) {
                        e.setCrash(true).setApplication(Probes.cap(m.group(1).strip(), 100));
                    }
                }
                entries.add(e.build());
            } catch (IllegalStateException | NumberFormatException | DateTimeParseException | UnsupportedOperationException ex) {
                skipped++;
            }
        }
        return new Parsed(entries, skipped);
    }

    private static final DateTimeFormatter MAC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxx", Locale.ROOT);

    /**
     * {@code log show --last 24h --style ndjson --predicate 'messageType == error OR messageType == fault'}.
     * A fault from ReportCrash names the crashed program in its message ("Saved crash report for X").
     */
    static Parsed macLog(String ndjson) {
        List<LogEntry> entries = new ArrayList<>();
        int skipped = 0;
        Pattern crash = Pattern.compile("(?:Saved crash report for|Formulating fatal \\d+ report for) ([^\\[\\]\\s,]{1,100})");
        for (String line : ndjson.split("\n")) {
            if (line.isBlank() || !line.startsWith("{")) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                if (!o.has("timestamp") && o.has("finished")) {
                    continue; // the closing {"count":N,"finished":1} summary, not an entry
                }
                LogEntry.Builder e = LogEntry.newBuilder();
                e.setTimeMs(OffsetDateTime.parse(text(o, "timestamp", ""), MAC_TIME).toInstant().toEpochMilli());
                e.setPriority("Fault".equalsIgnoreCase(text(o, "messageType", "")) ? 2 : 3);
                String image = text(o, "processImagePath", "");
                e.setSource(Probes.cap(image.substring(image.lastIndexOf('/') + 1), 100));
                String message = text(o, "eventMessage", "");
                e.setMessage(Probes.cap(message, MAX_MESSAGE_CHARS));
                Matcher m = crash.matcher(message);
                if (m.find()) {
                    e.setCrash(true).setApplication(Probes.cap(m.group(1), 100));
                }
                entries.add(e.build());
            } catch (JsonParseException | IllegalStateException | DateTimeParseException | UnsupportedOperationException ex) {
                skipped++;
            }
        }
        return new Parsed(entries, skipped);
    }
}
