package dev.lifeline.client.player;

import dev.lifeline.client.bench.ScreenFrames;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.screen.ScreenImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a recording of a corpus scenario and a lead key file, for looking at the player window
 * (screenshots). Not a test. Arguments: FRAMES_DIR OUT_DIR [SECONDS]; writes OUT_DIR/session.llrec,
 * OUT_DIR/lead.key and OUT_DIR/lead.pass.
 */
public final class RecordingFixture {
    private RecordingFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path framesDir = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 180;
        List<ScreenImage> frames = new ArrayList<>();
        try (Stream<Path> pngs = Files.list(framesDir)) {
            for (Path png : pngs.filter(p -> p.toString().endsWith(".png")).sorted().limit(30).toList()) {
                frames.add(ScreenFrames.load(png));
            }
        }
        RecordingKeyPair key = RecordingKeyPair.create();
        SyntheticRecording.write(out.resolve("session.llrec"), key.publicKey(), frames, 2, seconds * 1000, 25_000);
        String passphrase = "lead passphrase for the fixture";
        key.saveKeyFile(out.resolve("lead.key"), passphrase.toCharArray());
        Files.writeString(out.resolve("lead.pass"), passphrase + "\n");
        System.out.println("wrote " + out.resolve("session.llrec"));
    }
}
