package dev.lifeline.relay.contracts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * When a managed-services contract's SLA clock runs: "24/7", or weekdays between two hours in a
 * time zone, written "mon-fri 08-18 Europe/Berlin". Time outside cover does not count towards
 * first response or resolution.
 */
public record HoursOfCover(boolean always, int startHour, int endHour, ZoneId zone) {
    public static final HoursOfCover ALWAYS = new HoursOfCover(true, 0, 24, ZoneId.of("UTC"));

    public HoursOfCover {
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException("hours of cover must be 0 <= start < end <= 24");
        }
    }

    public static HoursOfCover parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("24/7") || t.equals("24x7")) {
            return ALWAYS;
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("mon-fri") || !parts[1].matches("\\d{1,2}-\\d{1,2}")) {
            throw new IllegalArgumentException("hours of cover: \"24/7\" or \"mon-fri 08-18 [zone]\"");
        }
        String[] hours = parts[1].split("-");
        ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2]) : ZoneId.of("UTC");
        return new HoursOfCover(false, Integer.parseInt(hours[0]), Integer.parseInt(hours[1]), zone);
    }

    public String describe() {
        return always ? "24/7" : String.format("mon-fri %02d-%02d %s", startHour, endHour, zone.getId());
    }

    /** Milliseconds of cover between {@code fromMs} and {@code toMs}. */
    public long coveredMillis(long fromMs, long toMs) {
        if (toMs <= fromMs) {
            return 0;
        }
        if (always) {
            return toMs - fromMs;
        }
        long covered = 0;
        LocalDate day = Instant.ofEpochMilli(fromMs).atZone(zone).toLocalDate();
        LocalDate last = Instant.ofEpochMilli(toMs).atZone(zone).toLocalDate();
        while (!day.isAfter(last)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                long open = ZonedDateTime.of(day, LocalTime.of(startHour, 0), zone).toInstant().toEpochMilli();
                long close = endHour == 24
                        ? ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant().toEpochMilli()
                        : ZonedDateTime.of(day, LocalTime.of(endHour, 0), zone).toInstant().toEpochMilli();
                covered += Math.max(0, Math.min(close, toMs) - Math.max(open, fromMs));
            }
            day = day.plusDays(1);
        }
        return covered;
    }
}
