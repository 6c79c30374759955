package dev.lifeline.client.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lifeline.client.bench.ScreenFrames;
import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.common.screen.DecoderState;
import dev.lifeline.common.screen.EncodedUpdate;
import dev.lifeline.common.screen.PhotoCodec;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenDecoder;
import dev.lifeline.common.screen.ScreenEncoder;
import dev.lifeline.common.screen.ScreenImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Real 1920x1080 screens from the shared corpus (../shared/corpus, next to the repository; skipped
 * where it is absent — the codec's own tests in common use synthetic screens and always run).
 */
class CorpusRoundTripTest {
    private static final Path CORPUS = Path.of(System.getProperty("lifeline.corpus", "../../shared/corpus"));

    private static List<Path> frames(String scenario) throws IOException {
        Path dir = CORPUS.resolve(scenario);
        assumeTrue(Files.isDirectory(dir), "no corpus at " + dir.toAbsolutePath());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"terminal", "browser", "office", "motion-gl"})
    void sharpIsPixelExactOnRealScreens(String scenario) throws Exception {
        List<Path> frames = frames(scenario);
        ScreenEncoder encoder = new ScreenEncoder(PhotoCodec.NONE);
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        // A few frames spread over the sequence: each is a real change from the one before.
        for (int i = 0; i < frames.size(); i += frames.size() / 4) {
            ScreenImage frame = ScreenFrames.load(frames.get(i));
            for (byte[] slice : encoder.encode(frame, Quality.SHARP).slices()) {
                decoder.apply(slice);
            }
            assertArrayEquals(frame.pixels(), decoder.image().pixels(), scenario + " frame " + (i + 1));
        }
    }

    @Test
    void aDecoderRestoredMidwayOnRealScreensGoesOnExactlyAsTheStraightOne() throws Exception {
        List<Path> frames = frames("browser");
        // As recorded: Auto quality, JPEG photo areas, the encoder's own slices.
        ScreenEncoder encoder = new ScreenEncoder(new JpegPhotoCodec());
        ScreenDecoder straight = new ScreenDecoder(new JpegPhotoCodec());
        ScreenDecoder restored = null;
        for (int i = 0; i < Math.min(12, frames.size()); i++) {
            for (byte[] slice : encoder.encode(ScreenFrames.load(frames.get(i)), Quality.AUTO).slices()) {
                straight.apply(slice);
                if (restored != null) {
                    restored.apply(slice);
                }
            }
            if (restored != null) {
                assertArrayEquals(straight.image().pixels(), restored.image().pixels(), "browser frame " + (i + 1));
            }
            if (i == 4) {
                DecoderState state = DecoderState.fromBytes(straight.saveState().toBytes());
                // Compressed: far less than the picture's own pixels (6 MB as three bytes a pixel).
                assertTrue(state.bytes() < 1920 * 1080 * 3 / 8, "tables " + state.tableBytes()
                        + " bytes, picture " + state.pictureBytes());
                restored = new ScreenDecoder(new JpegPhotoCodec());
                restored.restoreState(state);
            }
        }
    }

    @Test
    void browserScrollsAreFoundAsCopies() throws Exception {
        List<Path> frames = frames("browser");
        ScreenEncoder encoder = new ScreenEncoder(PhotoCodec.NONE);
        ScreenDecoder decoder = new ScreenDecoder(PhotoCodec.NONE);
        int copied = 0;
        for (Path path : frames.subList(0, Math.min(16, frames.size()))) {
            ScreenImage frame = ScreenFrames.load(path);
            EncodedUpdate update = encoder.encode(frame, Quality.SHARP);
            copied += update.copiedTiles();
            for (byte[] slice : update.slices()) {
                decoder.apply(slice);
            }
            assertArrayEquals(frame.pixels(), decoder.image().pixels(), path.toString());
        }
        assertTrue(copied > 200, "scrolled tiles sent as copies: " + copied);
    }
}
