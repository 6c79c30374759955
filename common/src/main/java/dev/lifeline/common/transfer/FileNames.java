package dev.lifeline.common.transfer;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * File names that come from the peer are untrusted. A name is accepted only if it is one plain
 * name that means the same on Linux, macOS and Windows: no directory part, no drive, no device,
 * nothing a file system strips or reinterprets. Anything else is refused outright rather than
 * "repaired", so what is saved is what the sender showed.
 */
public final class FileNames {
    /** Device names Windows opens instead of a file, with any extension ("con.txt" too). */
    private static final Set<String> WINDOWS_DEVICES = Set.of(
            "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³");
    /** Invalid in Windows names; ':' also makes drive letters and NTFS streams. */
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private FileNames() {
    }

    /**
     * The name to save under, NFC-normalised.
     *
     * @throws TransferException {@link TransferError#BAD_NAME} with the reason
     */
    public static String sanitise(String untrusted) throws TransferException {
        if (untrusted == null || untrusted.isEmpty()) {
            throw bad("the name is empty");
        }
        String name = Normalizer.normalize(untrusted, Normalizer.Form.NFC);
        if (name.getBytes(StandardCharsets.UTF_8).length > TransferLimits.MAX_NAME_BYTES) {
            throw bad("the name is longer than " + TransferLimits.MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == 0) {
                throw bad("the name contains a NUL character");
            }
            if (Character.isISOControl(c)) {
                throw bad("the name contains a control character");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw bad(c == '/' || c == '\\' ? "the name contains a directory separator"
                        : "the name contains '" + (char) c + "'");
            }
            if (isInvisibleFormatting(c)) {
                // Right-to-left overrides and the like make "invoice\u202Efdp.exe" look like a PDF.
                throw bad("the name contains invisible formatting characters");
            }
            i += Character.charCount(c);
        }
        if (name.isBlank()) {
            throw bad("the name is blank");
        }
        if (name.equals(".") || name.equals("..")) {
            throw bad("the name is a directory reference");
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            // Windows drops trailing dots and spaces: "run.exe." would become "run.exe".
            throw bad("the name ends with a dot or a space");
        }
        if (name.charAt(0) == ' ') {
            throw bad("the name starts with a space");
        }
        String stem = name;
        int dot = stem.indexOf('.');
        if (dot >= 0) {
            stem = stem.substring(0, dot);
        }
        if (WINDOWS_DEVICES.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            throw bad("the name is a reserved device name on Windows");
        }
        return name;
    }

    /** Bidi controls, zero-width characters and other format characters (Unicode Cf). */
    private static boolean isInvisibleFormatting(int c) {
        return Character.getType(c) == Character.FORMAT;
    }

    /**
     * {@code name}, or "name (1).ext", "name (2).ext", ... — the first for which {@code taken}
     * is false, so an existing file is never overwritten. The result stays within the name limit.
     */
    public static String unique(String name, Predicate<String> taken) {
        if (!taken.test(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; n < 10_000; n++) {
            String suffix = " (" + n + ")" + ext;
            String candidate = fit(stem, suffix) + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free name for " + name);
    }

    private static String fit(String stem, String suffix) {
        int budget = TransferLimits.MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        String s = stem;
        while (!s.isEmpty() && s.getBytes(StandardCharsets.UTF_8).length > budget) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        }
        return s;
    }

    private static TransferException bad(String why) {
        return new TransferException(TransferError.BAD_NAME, why);
    }
}
