package dev.lifeline.client.probes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code smartctl -j} output (smartmontools 7+ JSON): the device list of {@code --scan} and
 * the health report of {@code -a} for ATA and NVMe drives. Missing fields stay unset: no value is
 * ever guessed.
 */
final class SmartctlParser {
    /** ATA attribute ids. */
    static final int REALLOCATED = 5;
    static final int POWER_ON_HOURS = 9;
    static final int PENDING = 197;

    private SmartctlParser() {
    }

    /** Device names from {@code smartctl --scan -j}. */
    static List<String> scan(String json) {
        List<String> names = new ArrayList<>();
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        if (root.has("devices")) {
            for (JsonElement d : root.getAsJsonArray("devices")) {
                JsonObject o = d.getAsJsonObject();
                if (o.has("name")) {
                    names.add(o.get("name").getAsString());
                }
            }
        }
        return names;
    }

    /** One device's report from {@code smartctl -j -a DEVICE}. */
    static Disk disk(String json, String device) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        Disk.Builder d = Disk.newBuilder().setName(device);
        str(root, "model_name").ifPresent(d::setModel);
        str(root, "serial_number").ifPresent(d::setSerial);
        if (root.has("user_capacity") && root.getAsJsonObject("user_capacity").has("bytes")) {
            d.setSizeBytes(root.getAsJsonObject("user_capacity").get("bytes").getAsLong());
        }
        if (root.has("smart_status") && root.getAsJsonObject("smart_status").has("passed")) {
            d.setHealth(root.getAsJsonObject("smart_status").get("passed").getAsBoolean() ? DiskHealth.PASSED : DiskHealth.FAILING);
            d.setHealthSource("smartctl");
        }
        if (root.has("power_on_time") && root.getAsJsonObject("power_on_time").has("hours")) {
            d.setPowerOnHours(root.getAsJsonObject("power_on_time").get("hours").getAsLong());
        }
        if (root.has("temperature") && root.getAsJsonObject("temperature").has("current")) {
            d.setTemperatureCelsius(root.getAsJsonObject("temperature").get("current").getAsInt());
        }
        if (root.has("ata_smart_attributes")) {
            JsonArray table = root.getAsJsonObject("ata_smart_attributes").getAsJsonArray("table");
            if (table != null) {
                for (JsonElement e : table) {
                    JsonObject a = e.getAsJsonObject();
                    int id = a.get("id").getAsInt();
                    long raw = a.has("raw") && a.getAsJsonObject("raw").has("value")
                            ? a.getAsJsonObject("raw").get("value").getAsLong() : -1;
                    if (raw < 0) {
                        continue;
                    }
                    switch (id) {
                        case REALLOCATED -> d.setReallocatedSectors(raw);
                        case PENDING -> d.setPendingSectors(raw);
                        case POWER_ON_HOURS -> {
                            if (!d.hasPowerOnHours()) {
                                d.setPowerOnHours(raw);
                            }
                        }
                        default -> { }
                    }
                }
            }
        }
        if (root.has("nvme_smart_health_information_log")) {
            JsonObject n = root.getAsJsonObject("nvme_smart_health_information_log");
            if (n.has("media_errors")) {
                d.setMediaErrors(n.get("media_errors").getAsLong());
            }
            if (n.has("percentage_used")) {
                d.setPercentageUsed(n.get("percentage_used").getAsInt());
            }
        }
        if (root.has("smartctl") && root.getAsJsonObject("smartctl").has("messages")) {
            for (JsonElement m : root.getAsJsonObject("smartctl").getAsJsonArray("messages")) {
                if (d.getSmartMessagesCount() < 5 && m.getAsJsonObject().has("string")) {
                    d.addSmartMessages(Probes.cap(m.getAsJsonObject().get("string").getAsString(), 200));
                }
            }
        }
        return d.build();
    }

    private static java.util.Optional<String> str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive()
                ? java.util.Optional.of(Probes.cap(o.get(key).getAsString().strip(), 120)) : java.util.Optional.empty();
    }
}
