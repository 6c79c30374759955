package dev.lifeline.common.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every trick a hostile peer may put in a file name is refused with BAD_NAME. */
class FileNamesTest {
    private static void refused(String name, String why) {
        TransferException e = assertThrows(TransferException.class, () -> FileNames.sanitise(name), name);
        assertEquals(TransferError.BAD_NAME, e.error());
        assertEquals(why, e.getMessage(), name);
    }

    @Test
    void plainNamesPass() throws TransferException {
        assertEquals("report.pdf", FileNames.sanitise("report.pdf"));
        assertEquals("Übersicht 2024 (final).xlsx", FileNames.sanitise("Übersicht 2024 (final).xlsx"));
        assertEquals(".bashrc", FileNames.sanitise(".bashrc"));
        assertEquals("日本語のファイル.txt", FileNames.sanitise("日本語のファイル.txt"));
        assertEquals("a..b", FileNames.sanitise("a..b"));
    }

    @Test
    void unicodeIsNormalisedToNfc() throws TransferException {
        assertEquals("\u00e9.txt", FileNames.sanitise("e\u0301.txt"), "one name for one look");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "../../.ssh/authorized_keys", "a/b", "dir/", "/etc/passwd", "/",
            "..\\windows\\system32\\evil.dll", "\\\\server\\share\\x", "sub\\file.txt"})
    void directoryPartsAndAbsolutePathsAreRefused(String name) {
        refused(name, "the name contains a directory separator");
    }

    @Test
    void directoryReferencesAreRefused() {
        refused(".", "the name is a directory reference");
        refused("..", "the name is a directory reference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:evil.exe", "C:\\Windows\\evil.exe", "c:", "D:file", "file.txt:hidden", "report.pdf::$DATA"})
    void driveLettersAndStreamsAreRefused(String name) {
        refused(name, "the name contains ':'");
    }

    @Test
    void nulAndControlCharactersAreRefused() {
        refused("evil.exe\0.pdf", "the name contains a NUL character");
        refused("line\nbreak.txt", "the name contains a control character");
        refused("bell\u0007.txt", "the name contains a control character");
        refused("del\u007f.txt", "the name contains a control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "con.txt", "PRN.log", "AUX", "NUL.tar.gz", "COM1", "com9.txt", "LPT1",
            "lpt3.doc", "CON .txt", "CONIN$", "COM¹"})
    void reservedWindowsNamesAreRefused(String name) {
        refused(name, "the name is a reserved device name on Windows");
    }

    @Test
    void namesWindowsWouldRewriteAreRefused() {
        refused("run.exe.", "the name ends with a dot or a space");
        refused("run.exe ", "the name ends with a dot or a space");
        refused(" leading.txt", "the name starts with a space");
        refused("   ", "the name is blank");
        refused("", "the name is empty");
        refused(null, "the name is empty");
        for (char c : "*?\"<>|".toCharArray()) {
            refused("a" + c + "b", "the name contains '" + c + "'");
        }
    }

    @Test
    void overlongNamesAreRefused() throws TransferException {
        assertEquals(255, FileNames.sanitise("x".repeat(251) + ".txt").length());
        refused("x".repeat(252) + ".txt", "the name is longer than 255 bytes");
        refused("ü".repeat(128), "the name is longer than 255 bytes"); // 256 bytes of UTF-8
    }

    @Test
    void invisibleFormattingThatDisguisesTheExtensionIsRefused() {
        refused("invoice\u202Efdp.exe", "the name contains invisible formatting characters");
        refused("zero\u200Bwidth.txt", "the name contains invisible formatting characters");
    }

    @Test
    void uniqueNeverReusesATakenName() {
        Set<String> taken = Set.of("report.pdf", "report (1).pdf", "README");
        assertEquals("report (2).pdf", FileNames.unique("report.pdf", taken::contains));
        assertEquals("README (1)", FileNames.unique("README", taken::contains));
        assertEquals("new.txt", FileNames.unique("new.txt", taken::contains));
        String longName = "y".repeat(251) + ".txt";
        String fresh = FileNames.unique(longName, longName::equals);
        assertEquals("y".repeat(247) + " (1).txt", fresh);
    }
}
