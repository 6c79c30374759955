package dev.lifeline.client.player;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.recording.RecordingNoticeInfo;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.session.ChatLine;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.session.SessionEnd;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.recording.Verification;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded session end to end: the organisation set up with the real commands, a relay on
 * loopback with TLS, both apps chatting and sharing a screen, then the lead's player. The relay's
 * file holds no chat text and no screen bytes in clear; the player shows the same chat and the
 * same pixels the technician saw; a seek gives the frame a straight play gives.
 */
class RecordingOverRelayTest {
    private static final String CUSTOMER_LINE = "my printer says PC LOAD LETTER 4711";
    private static final String TECHNICIAN_LINE = "try the tray on the left, 0815";
    static final String OUTCOME_LINE = "Fuser unit failing, bring part RM2-5399";

    @TempDir
    Path dir;

    /** Made once: the real commands derive keys from passphrases (PBKDF2, 600 000 rounds), which takes seconds. */
    @TempDir
    static Path orgDir;
    private static RecordedOrganisation org;

    @BeforeAll
    static void organisation() throws Exception {
        org = RecordedOrganisation.create(orgDir, true);
    }

    /** What the technician saw: the last picture, copied. */
    private final AtomicReference<int[]> lastSeen = new AtomicReference<>();

    @Test
    void recordsBothDirectionsBlindAndPlaysBackWhatTheTechnicianSaw() throws Exception {
        List<ScreenImage> frames = SyntheticScreens.frames(6, 320, 200, 20);
        Path framesDir = SyntheticScreens.writePngs(dir.resolve("frames"), frames);
        RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(org.dataDir()).bindAddress("127.0.0.1").port(0).build());
        RelayEndpoint endpoint = new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint());
        byte[] sessionId;
        try (RelayClient client = new RelayClient(endpoint)) {
            CompletableFuture<RecordingNoticeInfo> notice = new CompletableFuture<>();
            CompletableFuture<SessionCode> code = new CompletableFuture<>();
            CompletableFuture<PeerInfo> customerSecured = new CompletableFuture<>();
            List<String> customerChat = new CopyOnWriteArrayList<>();
            AtomicReference<CustomerSessionHandle> customerHandle = new AtomicReference<>();
            CompletableFuture<Void> customerAsked = new CompletableFuture<>();
            CustomerSessionHandle customer = client.customerSessions(org.root(), ScreenSources.replay(framesDir, 10))
                    .start("Dana", new SessionListener() {
                        @Override
                        public void onRecordingNotice(RecordingNoticeInfo info) {
                            notice.complete(info);
                        }

                        @Override
                        public void onCodeReady(SessionCode c, long expires) {
                            code.complete(c);
                        }

                        @Override
                        public void onSecured(PeerInfo peer) {
                            customerSecured.complete(peer);
                        }

                        @Override
                        public void onChat(ChatLine line) {
                            customerChat.add(line.text());
                        }

                        @Override
                        public void onScreenRequested() {
                            customerAsked.complete(null);
                        }
                    });
            customerHandle.set(customer);
            RecordingNoticeInfo info = notice.get(10, TimeUnit.SECONDS);
            assertEquals("ACME Support", info.organisation());
            assertTrue(info.keyVerified(), "the recording key is endorsed by the pinned organisation");
            assertFalse(code.isDone(), "no code before the person accepts the recording");
            customer.answerRecordingNotice(true);
            SessionCode joined = code.get(10, TimeUnit.SECONDS);

            List<String> technicianChat = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> sharing = new CompletableFuture<>();
            CompletableFuture<SessionEnd> technicianEnded = new CompletableFuture<>();
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            TechnicianSessionHandle technician = client.technicianSessions(org.technician()).join(joined, new SessionListener() {
                @Override
                public void onChat(ChatLine line) {
                    technicianChat.add(line.text());
                }

                @Override
                public void onScreenShare(ScreenShareState state) {
                    if (state.status() == ScreenShareState.Status.SHARING) {
                        sharing.complete(null);
                    }
                }

                @Override
                public void onScreenFrame(RemoteScreenFrame frame) {
                    lastSeen.set(frame.image().pixels().clone());
                    seen.incrementAndGet();
                    frame.drawn();
                }

                @Override
                public void onEnded(SessionEnd end) {
                    technicianEnded.complete(end);
                }
            });
            assertEquals(PeerInfo.Trust.VERIFIED, customerSecured.get(10, TimeUnit.SECONDS).trust());
            customer.sendChat(CUSTOMER_LINE);
            technician.sendChat(TECHNICIAN_LINE);
            technician.setScreenQuality(Quality.SHARP);
            technician.requestScreen();
            customerAsked.get(10, TimeUnit.SECONDS);
            customer.answerScreenRequest(true);
            sharing.get(10, TimeUnit.SECONDS);
            awaitTrue(() -> seen.get() >= 8 && technicianChat.contains(CUSTOMER_LINE) && customerChat.contains(TECHNICIAN_LINE));
            customer.pauseScreen();
            Thread.sleep(300);
            int[] lastPicture = lastSeen.get();
            // The technician decides, as the outcome dialog does: the outcome goes into the session, then the end.
            technician.sendOutcome(dev.lifeline.client.report.OutcomeNotice.of(dev.lifeline.common.wire.report.Outcome.newBuilder()
                    .setKind(dev.lifeline.common.wire.report.Outcome.Kind.ONSITE_VISIT)
                    .setDispatch(dev.lifeline.common.wire.report.DispatchSummary.newBuilder().setProblem(OUTCOME_LINE)).build(),
                    System.currentTimeMillis()));
            technician.end();
            technicianEnded.get(10, TimeUnit.SECONDS);

            Path file = awaitClosedRecording(org.dataDir().resolve("recordings"));
            String name = file.getFileName().toString();
            sessionId = HexFormat.of().parseHex(name.substring(0, 32));

            // The relay's file holds none of the chat text in clear.
            byte[] bytes = Files.readAllBytes(file);
            assertFalse(contains(bytes, CUSTOMER_LINE.getBytes(StandardCharsets.UTF_8)));
            assertFalse(contains(bytes, TECHNICIAN_LINE.getBytes(StandardCharsets.UTF_8)));
            assertFalse(contains(bytes, OUTCOME_LINE.getBytes(StandardCharsets.UTF_8)));

            try (RecordingPlayback playback = RecordingPlayback.open(file, org.leadKey().keyPair(), null, p -> { })) {
                assertEquals(Verification.Status.INTACT, playback.verification().status(), playback.verification().detail());
                assertEquals(0, playback.undecryptable());
                List<String> lines = playback.events().stream().map(TimelineEvent::line).toList();
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("chat: [") && l.endsWith("customer: " + CUSTOMER_LINE)), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.endsWith("technician: " + TECHNICIAN_LINE)), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("consent: ") && l.contains("view screen granted")), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("outcome: [")
                        && l.endsWith("on-site visit needed: " + OUTCOME_LINE)), lines.toString());
                assertTrue(playback.screenFrames() >= 8);
                assertTrue(playback.keyframes() >= 1);

                // No screen slice is in the file in clear.
                for (byte[] slice : playback.slices()) {
                    assertFalse(contains(bytes, java.util.Arrays.copyOf(slice, Math.min(48, slice.length))),
                            "a screen slice in clear");
                }
                // The last picture is what the technician saw, pixel for pixel.
                ScreenImage end = playback.pictureAt(playback.durationMs());
                assertNotNull(end);
                assertArrayEquals(lastPicture, end.pixels());
                // A seek to any frame's time gives the picture a straight play gives there.
                List<Map.Entry<Long, ScreenImage>> straight = playback.straightPlay();
                for (int i = 0; i < straight.size(); i++) {
                    long at = straight.get(i).getKey();
                    if (i + 1 < straight.size() && straight.get(i + 1).getKey() == at) {
                        continue; // two pictures in one millisecond: the seek shows the later one
                    }
                    assertArrayEquals(straight.get(i).getValue().pixels(), playback.pictureAt(at).pixels(), "seek to " + at);
                }
            }

            // Headless player: the same timeline as lines, exit 0.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new HeadlessPlayer(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                    .play(file, org.leadKey().keyPair(), HexFormat.of().parseHex(relay.recordingSigningKey().orElseThrow()));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, printed);
            assertTrue(printed.contains("customer: " + CUSTOMER_LINE), printed);
            assertTrue(printed.lines().anyMatch(l -> l.matches("frames: \\d+ keyframes: [1-9]\\d*")), printed);

            // The lead fetches the same file from the relay with the lead key.
            Path fetched = dir.resolve("fetched.llrec");
            RecordingFetch.fetch(endpoint, name.substring(0, 32), org.leadKey(), fetched, Clock.systemUTC(), p -> { });
            assertArrayEquals(bytes, Files.readAllBytes(fetched));
        } finally {
            relay.close();
        }
        assertEquals(16, sessionId.length);
    }

    @Test
    void aFetchWithoutTheLeadKeyIsRefused() throws Exception {
        RunningRelay relay = RelayServer.start(RelayConfig.builder().dataDir(org.dataDir()).bindAddress("127.0.0.1").port(0).build());
        try {
            RelayEndpoint endpoint = new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint());
            dev.lifeline.common.identity.RecordingKeyPair stranger = dev.lifeline.common.identity.RecordingKeyPair.create();
            PlaybackException refused = assertThrows(PlaybackException.class,
                    () -> RecordingFetch.fetch(endpoint, "00112233445566778899aabbccddeeff", stranger,
                            dir.resolve("x.llrec"), Clock.systemUTC(), p -> { }));
            assertTrue(refused.getMessage().contains("not authorised"), refused.getMessage());
        } finally {
            relay.close();
        }
    }

    private static Path awaitClosedRecording(Path recordings) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(recordings)) {
                try (Stream<Path> files = Files.list(recordings)) {
                    for (Path file : files.toList()) {
                        try (var reader = dev.lifeline.common.recording.RecordingReader.open(file)) {
                            if (reader.verification().endReason() != null) {
                                return file;
                            }
                        } catch (Exception notYet) {
                            // still being written
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no closed recording in " + recordings);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
