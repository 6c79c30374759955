package dev.lifeline.client.player;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.client.photo.JpegPhotoCodec;
import dev.lifeline.common.crypto.Direction;
import dev.lifeline.common.crypto.RecordedTrafficOpener;
import dev.lifeline.common.crypto.SealedRecordingKey;
import dev.lifeline.common.crypto.TamperedMessageException;
import dev.lifeline.common.crypto.TrafficKeys;
import dev.lifeline.common.crypto.UnsealingFailedException;
import dev.lifeline.common.crypto.X25519KeyPair;
import dev.lifeline.common.recording.Integrity;
import dev.lifeline.common.recording.MalformedRecordingException;
import dev.lifeline.common.recording.RecordedFrame;
import dev.lifeline.common.recording.RecordedSealedKeys;
import dev.lifeline.common.recording.RecordingReader;
import dev.lifeline.common.recording.Sender;
import dev.lifeline.common.recording.Verification;
import dev.lifeline.common.screen.MalformedScreenUpdateException;
import dev.lifeline.common.screen.ScreenDecoder;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.e2e.E2eEnvelope;
import dev.lifeline.common.wire.e2e.ScreenState;
import dev.lifeline.common.wire.e2e.ScreenUpdate;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * A recording opened with the lead's key: verified, its sealed keys unsealed, and every frame
 * decrypted once while loading to build the timeline (chat, consent, screen states) and the list
 * of screen slices with their keyframes. The picture at any time is then made by decoding from the
 * keyframe before it ({@link #pictureAt}); payloads are read from the file again, never kept in
 * memory. Altered chunks are skipped; what is intact plays.
 */
public final class RecordingPlayback implements Closeable {
    /** One screen slice on the timeline and the recorded frame it came in. */
    record ScreenStep(long atMs, RecordedFrame frame, boolean keyframeStart, boolean lastSlice) {
    }

    private final RecordingReader reader;
    private final RecordedTrafficOpener fromCustomer;
    private final RecordedTrafficOpener fromTechnician;
    private final List<TimelineEvent> events;
    private final List<ScreenStep> screen;
    private final int[] keyframeSteps;
    private final long startMs;
    private final long durationMs;
    private final int screenFrames;
    private final int undecryptable;

    private RecordingPlayback(RecordingReader reader, RecordedTrafficOpener fromCustomer,
                              RecordedTrafficOpener fromTechnician, List<TimelineEvent> events, List<ScreenStep> screen,
                              long startMs, long durationMs, int screenFrames, int undecryptable) {
        this.reader = reader;
        this.fromCustomer = fromCustomer;
        this.fromTechnician = fromTechnician;
        this.events = List.copyOf(events);
        this.screen = List.copyOf(screen);
        this.startMs = startMs;
        this.durationMs = durationMs;
        this.screenFrames = screenFrames;
        this.undecryptable = undecryptable;
        this.keyframeSteps = java.util.stream.IntStream.range(0, screen.size())
                .filter(i -> screen.get(i).keyframeStart()).toArray();
    }

    /**
     * Opens and loads {@code file}. {@code progress} gets 0..1 while frames are decrypted.
     *
     * @param pinnedRelayKey the relay signing key to insist on, or null to take the header's
     */
    public static RecordingPlayback open(Path file, X25519KeyPair recordingKey, byte[] pinnedRelayKey,
                                         DoubleConsumer progress) throws PlaybackException, IOException {
        RecordingReader reader;
        try {
            reader = RecordingReader.open(file, pinnedRelayKey);
        } catch (MalformedRecordingException e) {
            throw new PlaybackException(e.getMessage(), e);
        }
        try {
            return load(reader, recordingKey, progress);
        } catch (PlaybackException | IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static RecordingPlayback load(RecordingReader reader, X25519KeyPair recordingKey, DoubleConsumer progress)
            throws PlaybackException, IOException {
        byte[] sessionId = reader.header().getSessionId().toByteArray();
        TrafficKeys keys = null;
        for (RecordedSealedKeys sealed : reader.sealedKeys()) {
            if (sealed.integrity() == Integrity.ALTERED) {
                continue;
            }
            try {
                keys = SealedRecordingKey.open(sealed.sealed(), recordingKey, sessionId);
                break;
            } catch (UnsealingFailedException e) {
                // Try the other peer's copy.
            }
        }
        if (keys == null) {
            throw new PlaybackException(reader.sealedKeys().isEmpty()
                    ? "the recording holds no session keys (neither app shared them)"
                    : "this recording key does not open the recording's session keys");
        }
        RecordedTrafficOpener fromCustomer = RecordedTrafficOpener.of(keys, Direction.CUSTOMER_TO_TECHNICIAN);
        RecordedTrafficOpener fromTechnician = RecordedTrafficOpener.of(keys, Direction.TECHNICIAN_TO_CUSTOMER);
        keys.destroy();

        long start = reader.header().getStartedAtMs();
        List<RecordedFrame> frames = reader.frames();
        if (!frames.isEmpty() && start == 0) {
            start = frames.get(0).receivedAtMs();
        }
        List<TimelineEvent> events = new ArrayList<>();
        List<ScreenStep> screen = new ArrayList<>();
        int screenFrames = 0;
        int undecryptable = 0;
        // Findings are worked out from the recorded probe results by the same rules the Console uses.
        dev.lifeline.common.diagnostics.DiagnosticsSnapshot diagnostics = dev.lifeline.common.diagnostics.DiagnosticsSnapshot.EMPTY;
        java.util.Set<String> findingsShown = new java.util.HashSet<>();
        long last = start;
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (i % 256 == 0) {
                progress.accept((double) i / frames.size());
            }
            if (frame.integrity() == Integrity.ALTERED) {
                continue;
            }
            last = Math.max(last, frame.receivedAtMs());
            SessionMessage message = decrypt(reader, frame, frame.from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
            if (message == null) {
                if (!isHandshake(reader, frame)) {
                    undecryptable++;
                }
                continue;
            }
            long at = frame.receivedAtMs() - start;
            String who = frame.from() == Sender.CUSTOMER ? "customer" : "technician";
            switch (message.getBodyCase()) {
                case CHAT -> events.add(new TimelineEvent(at, TimelineEvent.Kind.CHAT, who + ": " + message.getChat().getText()));
                case CONSENT_STATE -> {
                    if (message.getConsentState().hasLastChange()) {
                        events.add(new TimelineEvent(at, TimelineEvent.Kind.CONSENT, describe(message.getConsentState().getLastChange())));
                    }
                }
                case SCREEN_STATE -> {
                    ScreenState state = message.getScreenState();
                    events.add(new TimelineEvent(at, TimelineEvent.Kind.SCREEN, "sharing " + state.getStatus().name().toLowerCase(Locale.ROOT)));
                }
                case SCREEN_UPDATE -> {
                    ScreenUpdate update = message.getScreenUpdate();
                    if (!update.getSlice().isEmpty()) {
                        screen.add(new ScreenStep(at, frame, update.getKeyframe() && update.getFirstSlice(), update.getLastSlice()));
                    }
                    if (update.getLastSlice()) {
                        screenFrames++;
                    }
                }
                case DIAGNOSTICS_RESULT -> {
                    diagnostics = diagnostics.with(message.getDiagnosticsResult().getResult());
                    for (var finding : dev.lifeline.common.diagnostics.FindingRules.evaluate(diagnostics).findings()) {
                        if (findingsShown.add(finding.getRuleId() + "\n" + finding.getSummary())) {
                            events.add(new TimelineEvent(at, TimelineEvent.Kind.FINDING, finding.getSummary()
                                    + " (" + finding.getSuggestion().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"));
                        }
                    }
                }
                case SESSION_OUTCOME -> {
                    if (frame.from() == Sender.TECHNICIAN) {
                        events.add(new TimelineEvent(at, TimelineEvent.Kind.OUTCOME,
                                dev.lifeline.client.report.OutcomeNotice.describe(message.getSessionOutcome())));
                    }
                }
                default -> {
                    // Other kinds (pulls, typing, controls) are not on the timeline.
                }
            }
        }
        progress.accept(1.0);
        Collections.sort(events, java.util.Comparator.comparingLong(TimelineEvent::atMs));
        return new RecordingPlayback(reader, fromCustomer, fromTechnician, events, screen, start, last - start,
                screenFrames, undecryptable);
    }

    private static boolean isHandshake(RecordingReader reader, RecordedFrame frame) {
        try {
            return E2eEnvelope.parseFrom(reader.payload(frame)).hasHandshake();
        } catch (IOException e) {
            return false;
        }
    }

    private static SessionMessage decrypt(RecordingReader reader, RecordedFrame frame, RecordedTrafficOpener opener) {
        try {
            E2eEnvelope envelope = E2eEnvelope.parseFrom(reader.payload(frame));
            if (!envelope.hasSealed()) {
                return null;
            }
            return SessionMessage.parseFrom(opener.open(envelope.getSealed()));
        } catch (InvalidProtocolBufferException | TamperedMessageException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String describe(ConsentChange change) {
        String capability = change.getCapability().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String kind = change.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String actor = switch (change.getActor()) {
            case CUSTOMER -> "by the customer";
            case TECHNICIAN -> "by the technician";
            case CUSTOMER_APP -> "by the customer's app";
            default -> "";
        };
        return (capability + " " + kind + " " + actor).strip();
    }

    public Verification verification() {
        return reader.verification();
    }

    public dev.lifeline.common.wire.recording.RecordingHeader header() {
        return reader.header();
    }

    public List<TimelineEvent> events() {
        return events;
    }

    public long durationMs() {
        return durationMs;
    }

    /** Complete screen updates in the recording. */
    public int screenFrames() {
        return screenFrames;
    }

    public int keyframes() {
        return keyframeSteps.length;
    }

    /** Sealed frames that did not open (should be 0 for an intact recording). */
    public int undecryptable() {
        return undecryptable;
    }

    /** When the first complete picture is there (ms from the start), or 0 without any. */
    public long firstPictureMs() {
        for (int k : keyframeSteps) {
            for (int i = k; i < screen.size(); i++) {
                if (screen.get(i).lastSlice()) {
                    return screen.get(i).atMs();
                }
            }
        }
        return 0;
    }

    /** Times (ms from the start) at which a complete screen picture is available. */
    public List<Long> frameTimes() {
        List<Long> times = new ArrayList<>();
        for (ScreenStep step : screen) {
            if (step.lastSlice()) {
                times.add(step.atMs());
            }
        }
        return times;
    }

    /**
     * The screen as the technician saw it at {@code atMs}: decoded from the last keyframe at or
     * before that time through every update up to it. Null before the first keyframe.
     */
    public ScreenImage pictureAt(long atMs) throws IOException {
        int from = -1;
        for (int k : keyframeSteps) {
            if (screen.get(k).atMs() <= atMs) {
                from = k;
            } else {
                break;
            }
        }
        if (from < 0) {
            return null;
        }
        // Decode through the last update that is complete by then, and copy the picture once.
        int end = -1;
        for (int i = from; i < screen.size() && screen.get(i).atMs() <= atMs; i++) {
            if (screen.get(i).lastSlice()) {
                end = i;
            }
        }
        if (end < 0) {
            return null;
        }
        ScreenDecoder decoder = new ScreenDecoder(new JpegPhotoCodec());
        for (int i = from; i <= end; i++) {
            ScreenStep step = screen.get(i);
            SessionMessage message = decrypt(reader, step.frame(),
                    step.frame().from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
            if (message == null) {
                continue;
            }
            try {
                decoder.apply(message.getScreenUpdate().getSlice().toByteArray());
            } catch (MalformedScreenUpdateException e) {
                // A bad update leaves the picture as it was; the next keyframe repairs it.
            }
        }
        return copy(decoder.image());
    }

    /** A position in the screen stream that moves forward cheaply and seeks via keyframes. */
    public Cursor cursor() {
        return new Cursor();
    }

    /**
     * Decodes the screen up to a time: forward from where it is when the target is ahead and no
     * keyframe lies in between, else from the last keyframe at or before the target. Returns the
     * decoder's live picture (copy it before the next call), or null before the first picture.
     * One thread at a time.
     */
    public final class Cursor {
        private ScreenDecoder decoder;
        /** Next screen step to apply. */
        private int next;
        private boolean hasPicture;

        public synchronized ScreenImage moveTo(long atMs) throws IOException {
            int keyframe = lastKeyframeAtOrBefore(atMs);
            if (keyframe < 0) {
                decoder = null;
                next = 0;
                hasPicture = false;
                return null;
            }
            long current = next == 0 ? Long.MIN_VALUE : screen.get(next - 1).atMs();
            // Forward only if the target is ahead and its keyframe is already behind us.
            if (decoder == null || atMs < current || keyframe >= next) {
                decoder = new ScreenDecoder(new JpegPhotoCodec());
                next = keyframe;
                hasPicture = false;
            }
            int end = next - 1;
            for (int i = next; i < screen.size() && screen.get(i).atMs() <= atMs; i++) {
                if (screen.get(i).lastSlice()) {
                    end = i;
                }
            }
            for (; next <= end; next++) {
                ScreenStep step = screen.get(next);
                SessionMessage message = decrypt(reader, step.frame(),
                        step.frame().from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
                if (message == null) {
                    continue;
                }
                try {
                    decoder.apply(message.getScreenUpdate().getSlice().toByteArray());
                    hasPicture |= step.lastSlice();
                } catch (MalformedScreenUpdateException e) {
                    // Left as it was; the next keyframe repairs it.
                }
            }
            return hasPicture ? decoder.image() : null;
        }
    }

    private int lastKeyframeAtOrBefore(long atMs) {
        int found = -1;
        for (int k : keyframeSteps) {
            if (screen.get(k).atMs() <= atMs) {
                found = k;
            } else {
                break;
            }
        }
        return found;
    }

    /**
     * Straight play: one decoder from the first keyframe through the end, the picture after each
     * complete update, with its time. What a seek must agree with (tests, benchmarks).
     */
    List<java.util.Map.Entry<Long, ScreenImage>> straightPlay() throws IOException {
        List<java.util.Map.Entry<Long, ScreenImage>> pictures = new ArrayList<>();
        if (keyframeSteps.length == 0) {
            return pictures;
        }
        ScreenDecoder decoder = new ScreenDecoder(new JpegPhotoCodec());
        for (int i = keyframeSteps[0]; i < screen.size(); i++) {
            ScreenStep step = screen.get(i);
            SessionMessage message = decrypt(reader, step.frame(),
                    step.frame().from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
            if (message == null) {
                continue;
            }
            try {
                decoder.apply(message.getScreenUpdate().getSlice().toByteArray());
            } catch (MalformedScreenUpdateException e) {
                continue;
            }
            if (step.lastSlice()) {
                pictures.add(java.util.Map.entry(step.atMs(), copy(decoder.image())));
            }
        }
        return pictures;
    }

    /** Every screen slice's decrypted bytes (tests search the file for them in clear). */
    List<byte[]> slices() throws IOException {
        List<byte[]> slices = new ArrayList<>();
        for (ScreenStep step : screen) {
            SessionMessage message = decrypt(reader, step.frame(),
                    step.frame().from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
            if (message != null) {
                slices.add(message.getScreenUpdate().getSlice().toByteArray());
            }
        }
        return slices;
    }

    private static ScreenImage copy(ScreenImage image) {
        return image == null ? null : new ScreenImage(image.width(), image.height(), image.pixels().clone());
    }

    @Override
    public void close() throws IOException {
        fromCustomer.destroy();
        fromTechnician.destroy();
        reader.close();
    }
}
