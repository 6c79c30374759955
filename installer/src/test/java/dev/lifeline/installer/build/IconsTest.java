package dev.lifeline.installer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * jpackage refuses to build when the icon it is given is missing, so every system's packages need
 * their own file: PNG on Linux, ICO on Windows, ICNS on macOS. Only Linux packages are built
 * here; this checks the other two systems' icons exist and are what their format says.
 */
class IconsTest {
    static final Path PACKAGING = Path.of(System.getProperty("lifeline.packaging", "src/main/packaging"));

    @Test
    void everySystemHasEachAppsIconInItsOwnFormat() throws Exception {
        for (ClientApp app : List.of(ClientApp.GET_HELP, ClientApp.CONSOLE)) {
            for (HostSystem host : HostSystem.values()) {
                Path icon = host.icon(PACKAGING, app);
                assertTrue(Files.isRegularFile(icon), host + " needs " + icon);
                byte[] bytes = Files.readAllBytes(icon);
                switch (host) {
                    case LINUX -> {
                        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), icon.toString());
                        assertTrue(ByteBuffer.wrap(bytes, 16, 4).getInt() >= 256, icon + ": at least 256 px wide");
                    }
                    case WINDOWS -> assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(bytes, 4), icon.toString());
                    case MAC -> {
                        assertArrayEquals(new byte[] {'i', 'c', 'n', 's'}, Arrays.copyOf(bytes, 4), icon.toString());
                        // The header's length is the file's: a truncated copy would not load.
                        assertTrue(ByteBuffer.wrap(bytes, 4, 4).getInt() == bytes.length, icon + ": length in header");
                        // Retina Dock and Finder sizes (256 and 512 px) are in it.
                        String types = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                        assertTrue(types.contains("ic08") && types.contains("ic09"), icon + ": 256 and 512 px images");
                    }
                }
            }
        }
    }
}
