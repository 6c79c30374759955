package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.capture.SyntheticScreens;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.wire.e2e.ScreenControl;
import dev.lifeline.common.wire.e2e.ScreenPull;
import dev.lifeline.common.wire.e2e.ScreenState;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screen sharing end to end: a relay on loopback with TLS, both apps' sessions, and a replayed
 * screen on the customer's side. Consent, pixels, pause, stop and flow control.
 */
class ScreenSharingOverRelayTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 200;

    @TempDir
    Path dir;

    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay();
    private List<ScreenImage> frames;
    private Path framesDir;
    private final AtomicInteger opens = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        frames = SyntheticScreens.frames(8, WIDTH, HEIGHT, 20);
        framesDir = SyntheticScreens.writePngs(dir.resolve("frames"), frames);
    }

    /** Replayed frames, counting how often the source is opened (it must not be before consent). */
    private ScreenSources countedReplay(Path folder, double fps) {
        ScreenSources replay = ScreenSources.replay(folder, fps);
        return () -> {
            opens.incrementAndGet();
            return replay.open();
        };
    }

    private Pair<ScreenProbe> connect(ScreenSources screens) throws Exception {
        return paired.pair(paired.client().customerSessions(null, screens), new ScreenProbe(), new ScreenProbe());
    }

    private Pair<ScreenProbe> sharing(double fps) throws Exception {
        Pair<ScreenProbe> p = connect(countedReplay(framesDir, fps));
        p.technician().setScreenQuality(Quality.SHARP);
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);
        return p;
    }

    @Test
    void grantedScreenArrivesPixelExactInSharp() throws Exception {
        Pair<ScreenProbe> p = connect(countedReplay(framesDir, 20));
        // Sharp from the first frame: Auto would send photo-like areas as JPEG.
        p.technician().setScreenQuality(Quality.SHARP);
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        p.customerProbe().awaitState(Status.REQUESTED);
        p.technicianProbe().awaitState(Status.REQUESTED);
        Thread.sleep(200);
        assertEquals(0, opens.get(), "nothing is opened before the customer answers");
        assertEquals(0, p.customer().sharing().captures());

        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);
        p.customerProbe().awaitState(Status.SHARING);
        var shared = p.technicianProbe().lastState();
        assertEquals(1, shared.monitors().size());
        assertEquals(WIDTH, shared.monitors().get(0).width());
        assertEquals(HEIGHT, shared.monitors().get(0).height());
        assertEquals(Quality.SHARP, p.technicianProbe().lastState().quality(), "the stream starts in the quality asked for");

        int before = p.technicianProbe().pictureCount();
        p.technicianProbe().awaitPictures(before + 12);
        List<Integer> seen = new ArrayList<>();
        for (ScreenProbe.Picture picture : p.technicianProbe().pictures()) {
            int index = SyntheticScreens.indexOf(frames, picture.width(), picture.height(), picture.pixels());
            assertTrue(index >= 0, "every picture is one of the customer's frames, pixel for pixel");
            seen.add(index);
        }
        assertTrue(seen.stream().distinct().count() >= 4, "the pictures follow the screen: " + seen);
        awaitTrue(() -> !p.technicianProbe().stats.isEmpty(), "stats about once a second");
        var stats = p.technicianProbe().stats.get(0);
        assertTrue(stats.framesPerSecond() > 5, "fps " + stats.framesPerSecond());
        assertTrue(stats.bytesPerSecond() > 0);
        assertTrue(stats.latencyMs() >= 0 && stats.latencyMs() < 1000, "latency " + stats.latencyMs());
        assertEquals(1, opens.get());
    }

    @Test
    void deniedRequestOpensNothing() throws Exception {
        Pair<ScreenProbe> p = connect(countedReplay(framesDir, 20));
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        p.customer().answerScreenRequest(false);
        p.technicianProbe().awaitState(Status.DENIED);
        p.customerProbe().awaitState(Status.DENIED);
        Thread.sleep(200);
        assertEquals(0, opens.get());
        assertEquals(0, p.technicianProbe().pictureCount());

        // Asking again at once does not nag the customer: the app answers no by itself.
        p.technician().requestScreen();
        awaitTrue(() -> p.technicianProbe().lastState().detail().contains("declined just now"),
                "the technician is told why");
        assertEquals(Status.DENIED, p.technicianProbe().lastState().status());
        assertEquals(1, p.customerProbe().requests.get(), "the customer was not asked again");
        assertEquals(0, opens.get());
    }

    @Test
    void pauseFreezesAtOnceResumeContinuesStopNeedsANewRequest() throws Exception {
        Pair<ScreenProbe> p = sharing(20);
        p.technicianProbe().awaitPictures(3);

        p.customer().pauseScreen();
        p.customerProbe().awaitState(Status.PAUSED);
        p.technicianProbe().awaitState(Status.PAUSED);
        int atPause = p.technicianProbe().pictureCount();
        long capturesAtPause = p.customer().sharing().captures();
        Thread.sleep(600);
        assertEquals(atPause, p.technicianProbe().pictureCount(), "no new picture while paused");
        assertEquals(capturesAtPause, p.customer().sharing().captures(), "nothing captured while paused");

        p.customer().resumeScreen();
        p.technicianProbe().awaitState(Status.SHARING);
        p.technicianProbe().awaitPictures(atPause + 3);

        p.customer().stopScreen();
        p.technicianProbe().awaitState(Status.STOPPED);
        p.customerProbe().awaitState(Status.STOPPED);
        Thread.sleep(200);
        int atStop = p.technicianProbe().pictureCount();
        // A yes without a pending request does not restart sharing.
        p.customer().answerScreenRequest(true);
        Thread.sleep(400);
        assertEquals(atStop, p.technicianProbe().pictureCount(), "no picture after stop");
        assertEquals(1, opens.get());

        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 2, "a new request asks the person again");
        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);
        p.technicianProbe().awaitPictures(atStop + 2);

        p.technician().stopViewing();
        p.customerProbe().awaitState(Status.STOPPED);
        assertTrue(p.customerProbe().lastState().detail().contains("technician"), p.customerProbe().lastState().detail());
    }

    @Test
    void forgedAndUnsolicitedMessagesNeverStartCapture() throws Exception {
        Pair<ScreenProbe> p = connect(countedReplay(framesDir, 20));
        p.customer().answerScreenRequest(true); // no request pending: means nothing
        TechnicianLiveSession technician = p.technician();
        List<SessionMessage> forged = List.of(
                SessionMessage.newBuilder().setScreenState(ScreenState.newBuilder().setStatus(ScreenState.Status.GRANTED)).build(),
                SessionMessage.newBuilder().setScreenPull(ScreenPull.newBuilder().setPullId(1).setStream(1).setKeyframe(true)).build(),
                SessionMessage.newBuilder().setScreenPull(ScreenPull.newBuilder().setPullId(2).setStream(0)).build(),
                SessionMessage.newBuilder().setScreenControl(ScreenControl.newBuilder().setSelectMonitor(7)).build(),
                SessionMessage.newBuilder().setScreenControl(ScreenControl.newBuilder().setSelectMonitor(Integer.MAX_VALUE)).build(),
                SessionMessage.newBuilder().setScreenUpdate(ScreenUpdate.newBuilder().setStream(1)
                        .setSlice(ByteString.copyFrom(new byte[] {1, 2, 3})).setFirstSlice(true).setLastSlice(true)).build());
        technician.onLoop(() -> forged.forEach(technician::sendMessage));
        technician.sendChat("barrier");
        awaitTrue(() -> p.customerProbe().chat.contains("barrier"), "the forged messages were handled first");
        Thread.sleep(200);
        assertEquals(0, opens.get(), "no capture without the person's yes");
        assertEquals(0, p.customer().sharing().captures());
        assertEquals(0, p.customerProbe().requests.get());
        assertTrue(p.customerProbe().states.isEmpty(), "no sharing state: " + p.customerProbe().states);
        assertTrue(p.technicianProbe().states.isEmpty(), "the technician saw no state it did not ask for");

        // The real thing still works afterwards.
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        assertEquals(0, opens.get());
    }

    @Test
    void slowViewerHasAtMostTwoUpdatesInFlightAndSeesTheNewestFrame() throws Exception {
        // Noisy frames that change on every tick: each update is hundreds of KB.
        List<ScreenImage> busy = SyntheticScreens.frames(30, 480, 300, 300);
        Path busyDir = SyntheticScreens.writePngs(dir.resolve("busy"), busy);
        Pair<ScreenProbe> p = connect(countedReplay(busyDir, 30));
        p.technicianProbe().drawDelayMs = 150;
        p.technician().setScreenQuality(Quality.SHARP);
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);

        long maxInFlight = 0;
        long maxUnacked = 0;
        // 2.5 s of watching; on a starved machine (CI next to other builds) longer, until the
        // viewer has drawn 8 pictures or 20 s have passed.
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(2500);
        long giveUp = start + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end || (p.technicianProbe().drawn.get() < 8 && System.nanoTime() < giveUp)) {
            long sent = p.customer().sharing().updatesSent();
            long drawn = p.technicianProbe().drawn.get();
            maxInFlight = Math.max(maxInFlight, sent - drawn);
            maxUnacked = Math.max(maxUnacked, p.customer().unackedBytes());
            Thread.sleep(3);
        }
        assertTrue(maxInFlight <= 2, "updates sent but not yet drawn: " + maxInFlight);
        int updateBytes = 480 * 300 * 3 + 4096;
        assertTrue(maxUnacked <= 2L * updateBytes + 64 * 1024, "resend buffer held " + maxUnacked + " bytes");
        long captures = p.customer().sharing().captures();
        assertTrue(captures <= p.customer().sharing().updatesSent() + 2,
                "frames are captured only with credit: " + captures + " captures, "
                        + p.customer().sharing().updatesSent() + " updates");

        List<Integer> seen = new ArrayList<>();
        for (ScreenProbe.Picture picture : p.technicianProbe().pictures()) {
            int index = SyntheticScreens.indexOf(busy, picture.width(), picture.height(), picture.pixels());
            assertTrue(index >= 0, "pixel-exact");
            seen.add(index);
        }
        assertTrue(seen.size() >= 8 && seen.size() <= 40, "at most one picture per 150 ms draw: " + seen.size());
        int jumps = 0;
        for (int i = 1; i < seen.size(); i++) {
            int step = Math.floorMod(seen.get(i) - seen.get(i - 1), busy.size());
            if (step >= 3) {
                jumps++;
            }
        }
        assertTrue(jumps >= seen.size() / 2, "the sender skips to the newest frame: " + seen);
        assertTrue(p.customerProbe().ended.getNow(null) == null, "the session survived (no relay rate limit hit)");
    }

    @Test
    void undecodableUpdateAsksForAKeyframeAndThePictureRecovers() throws Exception {
        Pair<ScreenProbe> p = sharing(20);
        p.technician().setScreenQuality(Quality.SHARP);
        p.technicianProbe().awaitPictures(3);
        int stream = 1; // the first grant's stream
        CustomerLiveSession customer = p.customer();
        customer.onLoop(() -> customer.sendMessage(SessionMessage.newBuilder().setScreenUpdate(ScreenUpdate.newBuilder()
                .setStream(stream).setPullId(999).setFirstSlice(true).setLastSlice(true)
                .setSlice(ByteString.copyFrom(new byte[] {9, 9, 9, 9}))).build()));
        awaitTrue(() -> p.technicianProbe().lastState().detail().contains("damaged"), "the viewer reports the damage");
        int after = p.technicianProbe().pictureCount();
        p.technicianProbe().awaitPictures(after + 5);
        List<ScreenProbe.Picture> pictures = p.technicianProbe().pictures();
        for (ScreenProbe.Picture picture : pictures.subList(after, pictures.size())) {
            assertTrue(SyntheticScreens.indexOf(frames, picture.width(), picture.height(), picture.pixels()) >= 0,
                    "pictures after the damage are exact again");
        }
        assertEquals(Status.SHARING, p.technicianProbe().lastState().status());
    }

    @Test
    void headlessConsoleViewsAndSavesTheScreenGetHelpAllowsIt() throws Exception {
        Path png = dir.resolve("out/last.png");
        HeadlessRun customer = HeadlessRun.customer(paired.client().customerSessions(null, ScreenSources.replay(framesDir, 20)), "Dana",
                session -> session.allowScreen(true));
        SessionCode code = SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length()));
        HeadlessRun technician = HeadlessRun.technician(paired.client().technicianSessions(paired.technician()), code,
                session -> session.viewScreen(true).screenQuality(Quality.SHARP).saveScreen(png));
        assertEquals("screen: sharing " + WIDTH + "x" + HEIGHT, technician.awaitPrefix("screen: sharing"));
        customer.awaitPrefix("screen: sharing");
        String stats = technician.awaitPrefix("screen-stats: ");
        assertTrue(stats.matches("screen-stats: fps=[0-9.]+ latency=[0-9]+ms kbps=[0-9]+"), stats);
        technician.type("/end");
        assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
        assertEquals("screen-saved: " + png, technician.awaitPrefix("screen-saved: "));
        BufferedImage saved = ImageIO.read(png.toFile());
        int[] pixels = saved.getRGB(0, 0, saved.getWidth(), saved.getHeight(), null, 0, saved.getWidth());
        assertTrue(SyntheticScreens.indexOf(frames, saved.getWidth(), saved.getHeight(), pixels) >= 0,
                "the saved picture is one of the customer's frames");
        assertEquals(0, customer.awaitExit());
    }

    @Test
    void headlessGetHelpWithoutAllowScreenAnswersNo() throws Exception {
        HeadlessRun customer = HeadlessRun.customer(paired.client().customerSessions(null, countedReplay(framesDir, 20)), "Dana",
                session -> session);
        SessionCode code = SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length()));
        HeadlessRun technician = HeadlessRun.technician(paired.client().technicianSessions(paired.technician()), code,
                session -> session.viewScreen(true));
        assertEquals("screen: denied", technician.awaitPrefix("screen: denied"));
        customer.awaitPrefix("screen: request answered no");
        assertNotEquals(-1, customer.lines().indexOf("screen: requested"));
        assertEquals(0, opens.get());
        technician.type("/end");
        assertEquals(0, technician.awaitExit());
    }

    @Test
    void aMonitorUnpluggedWhileSharingMovesTheStreamAndThePickerFollows() throws Exception {
        PluggableScreens screens = new PluggableScreens(frames.get(0));
        Pair<ScreenProbe> p = connect(() -> screens);
        p.technician().setScreenQuality(Quality.SHARP);
        p.technician().requestScreen();
        awaitTrue(() -> p.customerProbe().requests.get() == 1, "the customer is asked");
        p.customer().answerScreenRequest(true);
        p.technicianProbe().awaitState(Status.SHARING);
        assertEquals(List.of("left", "right"), names(p.technicianProbe().lastState().monitors()));

        p.technician().selectMonitor(1);
        awaitTrue(() -> p.technicianProbe().lastState().activeMonitor() == 1, "the right monitor is chosen");
        awaitTrue(() -> lastPicture(p).width() == PluggableScreens.RIGHT_WIDTH, "a picture of the right monitor");

        screens.plugRight(false);
        awaitTrue(() -> p.technicianProbe().lastState().monitors().size() == 1, "the picker loses the right monitor");
        var alone = p.technicianProbe().lastState();
        assertEquals(Status.SHARING, alone.status(), "sharing goes on");
        assertEquals(0, alone.activeMonitor());
        awaitTrue(() -> lastPicture(p).width() == WIDTH, "a picture of the left monitor");
        assertTrue(SyntheticScreens.samePixels(frames.get(0).pixels(), lastPicture(p).pixels()),
                "the left monitor, pixel for pixel");

        screens.plugRight(true);
        awaitTrue(() -> p.technicianProbe().lastState().monitors().size() == 2, "the picker offers the right monitor again");
        assertEquals(0, p.technicianProbe().lastState().activeMonitor(), "the stream stays on the monitor it shows");
        assertEquals(List.of("left", "right"), names(p.technicianProbe().lastState().monitors()));
        assertEquals(Status.SHARING, p.technicianProbe().lastState().status());
    }

    private static List<String> names(List<dev.lifeline.client.screen.MonitorInfo> monitors) {
        return monitors.stream().map(dev.lifeline.client.screen.MonitorInfo::name).toList();
    }

    private static ScreenProbe.Picture lastPicture(Pair<ScreenProbe> p) {
        List<ScreenProbe.Picture> all = p.technicianProbe().pictures();
        return all.isEmpty() ? new ScreenProbe.Picture(0, 0, new int[0], 0) : all.get(all.size() - 1);
    }

    /** Two monitors, the right one smaller; it can be unplugged and plugged in again while sharing. */
    private static final class PluggableScreens implements dev.lifeline.client.capture.ScreenSource {
        static final int RIGHT_WIDTH = 160;
        static final int RIGHT_HEIGHT = 120;
        private final ScreenImage left;
        private final ScreenImage right = new ScreenImage(RIGHT_WIDTH, RIGHT_HEIGHT, new int[RIGHT_WIDTH * RIGHT_HEIGHT]);
        private volatile boolean rightPlugged = true;
        private List<dev.lifeline.client.screen.MonitorInfo> monitors;

        PluggableScreens(ScreenImage left) {
            this.left = left;
            java.util.Arrays.fill(right.pixels(), 0x3366AA);
            monitors = list();
        }

        void plugRight(boolean plugged) {
            rightPlugged = plugged;
        }

        private List<dev.lifeline.client.screen.MonitorInfo> list() {
            List<dev.lifeline.client.screen.MonitorInfo> list = new ArrayList<>();
            list.add(new dev.lifeline.client.screen.MonitorInfo(0, "left", 0, 0, left.width(), left.height(), true));
            if (rightPlugged) {
                list.add(new dev.lifeline.client.screen.MonitorInfo(1, "right", left.width(), 0, RIGHT_WIDTH, RIGHT_HEIGHT, false));
            }
            return List.copyOf(list);
        }

        @Override
        public List<dev.lifeline.client.screen.MonitorInfo> monitors() {
            return monitors;
        }

        @Override
        public List<dev.lifeline.client.screen.MonitorInfo> rescanMonitors() {
            monitors = list();
            return monitors;
        }

        @Override
        public ScreenImage capture(int monitor) throws dev.lifeline.client.capture.CaptureUnavailableException {
            if (monitor >= monitors.size()) {
                throw new dev.lifeline.client.capture.CaptureUnavailableException("monitor " + (monitor + 1) + " is gone");
            }
            return monitor == 0 ? left : right;
        }

        @Override
        public dev.lifeline.client.capture.CursorPosition cursor(int monitor) {
            return dev.lifeline.client.capture.CursorPosition.HIDDEN;
        }

        @Override
        public void close() {
        }
    }
}
