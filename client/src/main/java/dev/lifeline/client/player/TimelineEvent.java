package dev.lifeline.client.player;

/** One marker on a recording's timeline: when (ms from the start), what kind, and its text. */
public record TimelineEvent(long atMs, Kind kind, String text) {
    public enum Kind { CHAT, CONSENT, SCREEN, FINDING, OUTCOME }

    /** The headless line, e.g. {@code chat: [00:05] customer: hello}. */
    public String line() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": [" + clock(atMs) + "] " + text;
    }

    public static String clock(long ms) {
        long seconds = Math.max(0, ms) / 1000;
        return seconds >= 3600
                ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
