package dev.lifeline.client.player;

import dev.lifeline.client.console.RemoteScreenViewModel;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.RecordingKeyPair;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lead's player: opens a recording with the lead's key file (key and recording load off the
 * FX thread, with progress), then plays it into the same {@link RemoteScreenViewModel} a live
 * session uses — playback is one more source of frames. Play / pause, speed 1×–8×, seek (also
 * while dragging: only the newest target is decoded), jump to the next event; the chat and consent
 * markers up to the position are listed. Decoding runs on {@code background}; properties change on
 * {@code ui} only.
 */
public final class PlayerViewModel {
    public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8);

    private final Executor ui;
    private final Executor background;
    private final RemoteScreenViewModel screen = RemoteScreenViewModel.forPlayback();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty verification = new SimpleStringProperty(this, "verification", "");
    private final BooleanProperty intact = new SimpleBooleanProperty(this, "intact", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final LongProperty duration = new SimpleLongProperty(this, "duration", 0);
    private final LongProperty position = new SimpleLongProperty(this, "position", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 1);
    private final ObjectProperty<RecordingPlayback> playback = new SimpleObjectProperty<>(this, "playback");
    private final ObservableList<TimelineEvent> events = FXCollections.observableArrayList();
    private final ObservableList<TimelineEvent> shownEvents = FXCollections.observableArrayList();
    /** The position the decoder should show next; only the newest is decoded. */
    private final AtomicLong wanted = new AtomicLong(-1);
    private final AtomicBoolean decoding = new AtomicBoolean();
    private final Executor snapshotFiller;
    /** Stops the running snapshot filler (set per opened recording). */
    private volatile AtomicBoolean fillerStop = new AtomicBoolean(true);
    private RecordingPlayback.Cursor cursor;
    /** The frame on screen (set where decoded, reset at close), so an unchanged frame is not drawn again. */
    private volatile int shownFrame = -1;
    /** Before this the screen shows the first picture rather than nothing. */
    private long firstPictureMs;
    private long lastTickNanos = -1;

    public PlayerViewModel(Executor ui, Executor background) {
        this(ui, background, PlayerViewModel::fillerThread);
    }

    /**
     * {@code snapshotFiller} runs the long task that decodes the whole recording into snapshots
     * once it is open (a thread of its own by default; it gives way while a seek decodes).
     */
    public PlayerViewModel(Executor ui, Executor background, Executor snapshotFiller) {
        this.ui = ui;
        this.background = background;
        this.snapshotFiller = snapshotFiller;
    }

    private static void fillerThread(Runnable task) {
        Thread t = new Thread(task, "player-snapshots");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Loads the key file and the recording; {@code passphrase} is wiped. */
    public void open(Path recording, Path keyFile, char[] passphrase) {
        close();
        loading.set(true);
        progress.set(0);
        error.set("");
        char[] secret = passphrase.clone();
        Arrays.fill(passphrase, '\0');
        background.execute(() -> {
            try {
                RecordingKeyPair key;
                byte[] pinned;
                try {
                    key = RecordingKeyPair.loadKeyFile(keyFile, secret);
                    pinned = RecordingKeyPair.pinnedRelaySigningKey(keyFile);
                } finally {
                    Arrays.fill(secret, '\0');
                }
                RecordingPlayback opened;
                try {
                    // The relay key the lead's key file pins, if it pins one (else the recording's own).
                    opened = RecordingPlayback.open(recording, key.keyPair(), pinned,
                            p -> ui.execute(() -> progress.set(p)));
                } finally {
                    key.destroy();
                }
                ui.execute(() -> loaded(opened));
            } catch (IdentityException e) {
                ui.execute(() -> failed("the key file cannot be opened: " + e.getMessage()));
            } catch (PlaybackException | IOException | RuntimeException e) {
                ui.execute(() -> failed(e.getMessage()));
            }
        });
    }

    /** Uses an already opened recording (tests, and after a fetch). */
    public void show(RecordingPlayback opened) {
        close();
        loaded(opened);
    }

    private void loaded(RecordingPlayback opened) {
        loading.set(false);
        progress.set(1);
        playback.set(opened);
        cursor = opened.cursor();
        AtomicBoolean stop = new AtomicBoolean();
        fillerStop = stop;
        // Fills the snapshots, and again wherever the player moves (nearer frames then replace far ones).
        snapshotFiller.execute(() -> {
            int filledFor = Integer.MIN_VALUE;
            try {
                while (!stop.get()) {
                    int focus = opened.focusKeyframe();
                    if (focus == filledFor) {
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                        continue;
                    }
                    filledFor = focus;
                    opened.fillSnapshots(stop::get);
                }
            } catch (IOException | RuntimeException e) {
                // Closed, or unreadable: seeks then decode from the keyframe, as without snapshots.
            }
        });
        firstPictureMs = opened.firstPictureMs();
        var header = opened.header();
        title.set(header.getCustomerName().isEmpty() ? header.getOrganisation()
                : header.getCustomerName() + " · " + header.getOrganisation());
        verification.set(opened.verification().detail());
        intact.set(opened.verification().intact());
        duration.set(opened.durationMs());
        events.setAll(opened.events());
        seek(0);
    }

    private void failed(String message) {
        loading.set(false);
        error.set(message == null ? "cannot open the recording" : message);
    }

    public void play() {
        if (playback.get() == null) {
            return;
        }
        if (position.get() >= duration.get()) {
            seek(0);
        }
        lastTickNanos = -1;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** 1, 2, 4 or 8; anything else is ignored. */
    public void setSpeed(int times) {
        if (SPEEDS.contains(times)) {
            speed.set(times);
        }
    }

    /** Moves to {@code atMs} (clamped); the picture follows as soon as it is decoded. */
    public void seek(long atMs) {
        if (playback.get() == null) {
            return;
        }
        long at = Math.max(0, Math.min(duration.get(), atMs));
        position.set(at);
        updateShownEvents(at);
        requestPicture(Math.max(at, firstPictureMs));
    }

    /** To the next chat, consent or screen event after the position (or the end). */
    public void nextEvent() {
        long now = position.get();
        for (TimelineEvent event : events) {
            if (event.atMs() > now) {
                seek(event.atMs());
                return;
            }
        }
        seek(duration.get());
    }

    /** Called by the view's animation timer (or a test) with a monotonic time; advances while playing. */
    public void tick(long nowNanos) {
        if (!playing.get()) {
            lastTickNanos = -1;
            return;
        }
        if (lastTickNanos < 0) {
            lastTickNanos = nowNanos;
            return;
        }
        long elapsedMs = (nowNanos - lastTickNanos) / 1_000_000 * speed.get();
        if (elapsedMs <= 0) {
            return;
        }
        lastTickNanos = nowNanos;
        long next = position.get() + elapsedMs;
        if (next >= duration.get()) {
            next = duration.get();
            playing.set(false);
        }
        seek(next);
    }

    private void updateShownEvents(long at) {
        int count = 0;
        while (count < events.size() && events.get(count).atMs() <= at) {
            count++;
        }
        if (count != shownEvents.size()) {
            shownEvents.setAll(events.subList(0, count));
        }
    }

    private void requestPicture(long at) {
        wanted.set(at);
        if (decoding.compareAndSet(false, true)) {
            background.execute(this::decodeWanted);
        }
    }

    /**
     * On the background thread: the newest wanted position. The kept picture nearest before it is
     * shown at once, then the exact one, unless a newer position comes first (dragging): only
     * where the drag stops is decoded to the end.
     */
    private void decodeWanted() {
        RecordingPlayback.Cursor c = cursor;
        long target;
        while ((target = wanted.getAndSet(-1)) >= 0) {
            if (c == null) {
                continue;
            }
            RecordingPlayback.Picture picture;
            try {
                RecordingPlayback.Picture nearest = c.nearest(target, shownFrame);
                if (nearest != null) {
                    show(nearest);
                }
                picture = c.moveTo(target, () -> wanted.get() >= 0);
            } catch (IOException | RuntimeException e) {
                String message = e.getMessage();
                ui.execute(() -> error.set("cannot read the recording: " + message));
                break;
            }
            if (picture != null) {
                show(picture);
            }
        }
        decoding.set(false);
        if (wanted.get() >= 0 && decoding.compareAndSet(false, true)) {
            decodeWanted();
        }
    }

    private void show(RecordingPlayback.Picture picture) {
        if (picture.frame() == shownFrame) {
            return;
        }
        shownFrame = picture.frame();
        ScreenImage image = picture.image();
        ui.execute(() -> screen.showPlaybackFrame(new RemoteScreenFrame(image,
                new ScreenRect(0, 0, image.width(), image.height()), true, 0, 0, false, null, () -> { })));
    }

    public void close() {
        playing.set(false);
        fillerStop.set(true);
        shownFrame = -1;
        RecordingPlayback open = playback.get();
        playback.set(null);
        cursor = null;
        events.clear();
        shownEvents.clear();
        if (open != null) {
            background.execute(() -> {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // read-only file
                }
            });
        }
    }

    public RemoteScreenViewModel screen() {
        return screen;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty verificationProperty() {
        return verification;
    }

    public BooleanProperty intactProperty() {
        return intact;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public LongProperty durationProperty() {
        return duration;
    }

    public LongProperty positionProperty() {
        return position;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public IntegerProperty speedProperty() {
        return speed;
    }

    public ObjectProperty<RecordingPlayback> playbackProperty() {
        return playback;
    }

    public ObservableList<TimelineEvent> events() {
        return events;
    }

    /** Events at or before the position: the chat and consent so far. */
    public ObservableList<TimelineEvent> shownEvents() {
        return shownEvents;
    }
}
