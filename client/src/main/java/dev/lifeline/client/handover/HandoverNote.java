package dev.lifeline.client.handover;

/**
 * What technician A tells B with a handover, for B's offer card: the customer's problem (from the
 * queue) and A's own note. They pass the relay as team metadata (TLS), not end to end.
 */
public record HandoverNote(String problem, String note) {
    public static final int MAX_PROBLEM = 1000;
    public static final int MAX_NOTE = 500;
    public static final HandoverNote NONE = new HandoverNote("", "");

    public HandoverNote {
        problem = cut(problem, MAX_PROBLEM);
        note = cut(note, MAX_NOTE);
    }

    private static String cut(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
