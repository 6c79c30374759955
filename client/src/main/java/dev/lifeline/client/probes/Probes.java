package dev.lifeline.client.probes;

import java.util.List;

/** The catalogue's probes as this build implements them. */
public final class Probes {
    private Probes() {
    }

    public static List<DiagnosticProbe> catalogue() {
        return List.of(new SystemProbe(), new StorageProbe(), new NetworkProbe(), new ProcessProbe(),
                new ErrorLogProbe(), new PrinterProbe(), new PowerProbe(), new DisplayProbe(), new UpdateProbe());
    }

    /** Cuts text from the customer's machine to {@code max} characters, with a marker. */
    static String cap(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
