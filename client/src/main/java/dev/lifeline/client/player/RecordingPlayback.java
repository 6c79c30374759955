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
import dev.lifeline.common.screen.DecoderState;
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
 * nearest kept restart point (a saved decoder state) or keyframe before it ({@link #pictureAt});
 * payloads are read from the file again, never kept in memory. Altered chunks are skipped; what is
 * intact plays.
 */
public final class RecordingPlayback implements Closeable {
    /**
     * A restart point every this many pictures of a keyframe's ten seconds (its first picture
     * included): a seek to a frame not kept then decodes at most {@code RESTART_EVERY - 1} updates
     * after one decompression. Four: about 3 s of a busy screen (docs/benchmarks.md).
     */
    static final int RESTART_EVERY = 4;

    /** One screen slice on the timeline and the recorded frame it came in. */
    record ScreenStep(long atMs, RecordedFrame frame, boolean keyframeStart, boolean lastSlice) {
    }

    private final RecordingReader reader;
    private final RecordedTrafficOpener fromCustomer;
    private final RecordedTrafficOpener fromTechnician;
    private final List<TimelineEvent> events;
    private final List<ScreenStep> screen;
    private final int[] keyframeSteps;
    /** Complete pictures from the first keyframe on: the step that completes each, its time, its keyframe (index into keyframeSteps). */
    private final int[] frameEnd;
    private final long[] frameAt;
    private final int[] frameGop;
    /** First frame of each keyframe's ten seconds (index into the frames), by keyframe. */
    private final int[] gopFirstFrame;
    private final PictureSnapshots snapshots;
    /** Seeks decoding right now: the snapshot filler waits for them (two cores, shared). */
    private final java.util.concurrent.atomic.AtomicInteger seeking = new java.util.concurrent.atomic.AtomicInteger();
    /** The frame the player is at: the filler builds its ten seconds first. */
    private volatile int focusFrame;
    private volatile boolean closed;
    private final long startMs;
    private final long durationMs;
    private final int screenFrames;
    private final int undecryptable;

    private RecordingPlayback(RecordingReader reader, RecordedTrafficOpener fromCustomer,
                              RecordedTrafficOpener fromTechnician, List<TimelineEvent> events, List<ScreenStep> screen,
                              long startMs, long durationMs, int screenFrames, int undecryptable, long snapshotBudget) {
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
        int first = keyframeSteps.length == 0 ? screen.size() : keyframeSteps[0];
        int[] ends = java.util.stream.IntStream.range(first, screen.size()).filter(i -> screen.get(i).lastSlice()).toArray();
        this.frameEnd = ends;
        this.frameAt = new long[ends.length];
        this.frameGop = new int[ends.length];
        this.gopFirstFrame = new int[keyframeSteps.length];
        java.util.Arrays.fill(gopFirstFrame, -1);
        int gop = 0;
        for (int f = 0; f < ends.length; f++) {
            while (gop + 1 < keyframeSteps.length && keyframeSteps[gop + 1] <= ends[f]) {
                gop++;
            }
            frameAt[f] = screen.get(ends[f]).atMs();
            frameGop[f] = gop;
            if (gopFirstFrame[gop] < 0) {
                gopFirstFrame[gop] = f;
            }
        }
        this.snapshots = new PictureSnapshots(snapshotBudget);
    }

    /**
     * Opens and loads {@code file}. {@code progress} gets 0..1 while frames are decrypted.
     *
     * @param pinnedRelayKey the relay signing key to insist on (a recording naming another is
     *     refused with a {@link PlaybackException}), or null to take the header's
     */
    public static RecordingPlayback open(Path file, X25519KeyPair recordingKey, byte[] pinnedRelayKey,
                                         DoubleConsumer progress) throws PlaybackException, IOException {
        return open(file, recordingKey, pinnedRelayKey, progress, PictureSnapshots.defaultBudget());
    }

    /** As {@link #open(Path, X25519KeyPair, byte[], DoubleConsumer)} with {@code snapshotBudget} bytes for decoded pictures. */
    static RecordingPlayback open(Path file, X25519KeyPair recordingKey, byte[] pinnedRelayKey,
                                  DoubleConsumer progress, long snapshotBudget) throws PlaybackException, IOException {
        RecordingReader reader;
        try {
            reader = RecordingReader.open(file, pinnedRelayKey);
        } catch (MalformedRecordingException e) {
            throw new PlaybackException(e.getMessage(), e);
        }
        byte[] named = reader.header().getRelaySigningKey().toByteArray();
        if (pinnedRelayKey != null && !java.security.MessageDigest.isEqual(pinnedRelayKey, named)) {
            reader.close();
            throw new PlaybackException("this recording is signed by relay key " + shortHex(named)
                    + "…, not by the one your key file pins (" + shortHex(pinnedRelayKey) + "…): it was not made by"
                    + " your organisation's relay, so it is not played");
        }
        try {
            return load(reader, recordingKey, progress, snapshotBudget);
        } catch (PlaybackException | IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static String shortHex(byte[] key) {
        return java.util.HexFormat.of().formatHex(key, 0, Math.min(8, key.length));
    }

    private static RecordingPlayback load(RecordingReader reader, X25519KeyPair recordingKey, DoubleConsumer progress,
                                          long snapshotBudget) throws PlaybackException, IOException {
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
                screenFrames, undecryptable, snapshotBudget);
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
        return frameAt.length == 0 ? 0 : frameAt[0];
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
     * The screen as the technician saw it at {@code atMs} (a new buffer): the last complete picture
     * at or before then, as a straight play shows it. Null before the first keyframe's picture.
     */
    public ScreenImage pictureAt(long atMs) throws IOException {
        Picture picture = new Cursor().moveTo(atMs, () -> false);
        return picture == null ? null : picture.image();
    }

    /** A picture of the recording's screen: which frame, its time, the pixels (the caller's to keep). */
    public record Picture(int frame, long atMs, ScreenImage image) {
    }

    /** A position in the screen stream that moves forward cheaply and seeks via snapshots and keyframes. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** The frame shown at {@code atMs}: the last complete one at or before it, or -1 before the first. */
    private int frameAt(long atMs) {
        int lo = 0;
        int hi = frameAt.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (frameAt[mid] <= atMs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Seeks to a time. The exact picture comes from the snapshots when they hold it (one
     * decompression); else it is decoded forward from the nearest of: where the cursor is, the
     * kept restart point before the target, the keyframe — within the target's ten seconds. One
     * thread at a time.
     */
    public final class Cursor {
        private ScreenDecoder decoder;
        /** Next screen step the decoder applies, and the keyframe it decodes from. */
        private int next;
        private int gop = -1;
        private Picture last;
        /** The restart point the last decode started from, or -1 (tests). */
        private int restartedFrom = -1;

        /**
         * The exact picture at {@code atMs}, or null before the first picture or when
         * {@code superseded} turns true between two updates (a newer target came; what was decoded
         * so far is kept for it).
         */
        public synchronized Picture moveTo(long atMs, java.util.function.BooleanSupplier superseded) throws IOException {
            int frame = frameAt(atMs);
            if (frame < 0) {
                return null;
            }
            focusFrame = frame;
            if (last != null && last.frame() == frame) {
                return last;
            }
            ScreenImage kept = snapshots.get(frame);
            if (kept != null) {
                return remember(frame, kept);
            }
            int target = frameGop[frame];
            boolean goOn = decoder != null && gop == target && next <= frameEnd[frame] + 1;
            int restart = snapshots.floorState(frame, gopFirstFrame[target]);
            DecoderState state = restart < 0 ? null : snapshots.state(restart);
            if (state != null && (!goOn || next <= frameEnd[restart])) {
                // The restart point is nearer the target than where the decoder is.
                if (decoder == null) {
                    decoder = new ScreenDecoder(new JpegPhotoCodec());
                }
                decoder.restoreState(state);
                gop = target;
                next = frameEnd[restart] + 1;
                restartedFrom = restart;
            } else if (!goOn) {
                decoder = new ScreenDecoder(new JpegPhotoCodec());
                gop = target;
                next = keyframeSteps[target];
                restartedFrom = -1;
            } else {
                restartedFrom = -1;
            }
            seeking.incrementAndGet();
            try {
                for (; next <= frameEnd[frame]; next++) {
                    // Only between two updates, so that the decoder can go on from here for the next target.
                    if (next > keyframeSteps[gop] && screen.get(next - 1).lastSlice() && superseded.getAsBoolean()) {
                        return null;
                    }
                    apply(decoder, screen.get(next));
                }
            } finally {
                seeking.decrementAndGet();
            }
            ScreenImage image = decoder.image();
            return image == null ? null : remember(frame, copy(image));
        }

        /**
         * A stand-in at once: the kept picture nearest before {@code atMs} in the same ten seconds
         * (at least the keyframe's once the filler has it). Null when the exact one is kept (then
         * {@link #moveTo} is as quick), when none is, or when frame {@code shown} (on screen now)
         * is already at least as near.
         */
        public Picture nearest(long atMs, int shown) {
            int frame = frameAt(atMs);
            if (frame < 0 || snapshots.has(frame)) {
                return null;
            }
            focusFrame = frame;
            int near = snapshots.floor(frame, gopFirstFrame[frameGop[frame]]);
            if (near < 0 || (shown >= near && shown <= frame)) {
                return null;
            }
            ScreenImage image = snapshots.get(near);
            return image == null ? null : new Picture(near, frameAt[near], image);
        }

        private Picture remember(int frame, ScreenImage image) {
            last = new Picture(frame, frameAt[frame], image);
            return last;
        }

        /** The restart point the last decode started from (not the keyframe), or -1 (tests). */
        int restartedFrom() {
            return restartedFrom;
        }
    }

    /** Applies one screen step to {@code decoder}; false (and skipped) when it does not open or decode. */
    private boolean apply(ScreenDecoder decoder, ScreenStep step) throws IOException {
        SessionMessage message = decrypt(reader, step.frame(),
                step.frame().from() == Sender.CUSTOMER ? fromCustomer : fromTechnician);
        if (message == null) {
            return false;
        }
        try {
            decoder.apply(message.getScreenUpdate().getSlice().toByteArray());
            return true;
        } catch (MalformedScreenUpdateException e) {
            return false; // left as it was; the next keyframe repairs it
        }
    }

    /**
     * Fills the snapshots on the calling thread, in three passes: the decoder state at every
     * keyframe's first picture (then any seek shows something of its ten seconds at once); restart
     * points every {@value #RESTART_EVERY} pictures, nearest to the frame the player is at first
     * (then a seek to any frame decodes at most a few updates); then every picture, nearest first.
     * When the budget is spent, what is farther from the player makes room for what is nearer:
     * far restart points for near ones, far pictures for near ones; keyframe states stay, and
     * pictures never push out restart points. Returns when everything is kept or nothing nearer
     * can be, at close, or when {@code cancelled}; call again when the player has moved
     * ({@link #focusKeyframe}). Gives way while a seek decodes. Each keyframe's ten seconds are
     * decoded on their own, as a seek does.
     */
    public void fillSnapshots(java.util.function.BooleanSupplier cancelled) throws IOException {
        java.util.function.BooleanSupplier stop = () -> closed || cancelled.getAsBoolean();
        byte[][] scratch = new byte[2][];
        for (int g = 0; g < keyframeSteps.length && !stop.getAsBoolean(); g++) {
            int f = gopFirstFrame[g];
            if (f < 0 || snapshots.hasState(f)) {
                continue;
            }
            ScreenDecoder decoder = new ScreenDecoder(new JpegPhotoCodec());
            for (int i = keyframeSteps[g]; i <= frameEnd[f] && !stop.getAsBoolean(); i++) {
                giveWay(stop);
                apply(decoder, screen.get(i));
            }
            if (stop.getAsBoolean()) {
                return;
            }
            if (decoder.image() != null && !snapshots.putState(f, decoder.saveState(scratch))) {
                return;
            }
        }
        java.util.function.IntPredicate keyframeState = f -> gopFirstFrame[frameGop[f]] == f;
        java.util.function.IntPredicate restartPoint = f -> keyframeState.test(f) || snapshots.hasState(f);
        if (!fillPass(true, keyframeState, stop, scratch)) {
            return;
        }
        fillPass(false, restartPoint, stop, scratch);
    }

    /**
     * One pass over the keyframes' ten seconds, nearest the player first: keeps the restart points
     * ({@code states}) or every picture; {@code pinned} frames are never evicted for them. False
     * when it stopped before the end (cancelled, closed, or the budget holds nothing farther).
     */
    private boolean fillPass(boolean states, java.util.function.IntPredicate pinned,
                             java.util.function.BooleanSupplier stop, byte[][] scratch) throws IOException {
        // Each keyframe's ten seconds once a call: a budget smaller than ten seconds cannot make them evict each other for ever.
        java.util.BitSet tried = new java.util.BitSet(keyframeSteps.length);
        for (int g = nearestUnfilled(tried, states); g >= 0 && !stop.getAsBoolean(); g = nearestUnfilled(tried, states)) {
            tried.set(g);
            int f = gopFirstFrame[g];
            ScreenDecoder decoder = new ScreenDecoder(new JpegPhotoCodec());
            int i = keyframeSteps[g];
            DecoderState first = snapshots.state(f);
            if (first != null) {
                // Skip the keyframe itself, the dearest update to decode.
                decoder.restoreState(first);
                i = frameEnd[f] + 1;
                f++;
            }
            for (; f < frameEnd.length && frameGop[f] == g; i++) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                giveWay(stop);
                apply(decoder, screen.get(i));
                if (i < frameEnd[f]) {
                    continue;
                }
                boolean wanted = states ? isRestartPoint(f) && !snapshots.hasState(f) : !snapshots.has(f);
                if (wanted && decoder.image() != null) {
                    DecoderState state = states ? decoder.saveState(scratch) : null;
                    while (states ? !snapshots.putState(f, state) : !snapshots.put(f, decoder.image(), scratch)) {
                        if (!makeRoom(f, states, pinned)) {
                            return false;
                        }
                    }
                }
                int restartAfter = f + RESTART_EVERY - (f - gopFirstFrame[g]) % RESTART_EVERY;
                if (states && (restartAfter >= frameEnd.length || frameGop[restartAfter] != g)) {
                    break; // no restart point after this one in these ten seconds
                }
                f++;
            }
        }
        return !stop.getAsBoolean();
    }

    /**
     * Evicts one kept frame for frame {@code f}: for a restart point any picture first (farthest
     * from the player first), else a restart point farther from the player than {@code f}; for a
     * picture, a farther picture. False when there is none.
     */
    private boolean makeRoom(int f, boolean state, java.util.function.IntPredicate pinned) {
        int focus = focusFrame;
        if (state && snapshots.evictFarthest(focus, -1, x -> pinned.test(x) || snapshots.hasState(x)) >= 0) {
            return true;
        }
        return snapshots.evictFarthest(focus, Math.abs(f - focus), pinned) >= 0;
    }

    /** Whether frame {@code f} is one of its ten seconds' restart points (its first picture is one). */
    private boolean isRestartPoint(int f) {
        return (f - gopFirstFrame[frameGop[f]]) % RESTART_EVERY == 0;
    }

    /** The keyframe whose ten seconds the player is in. */
    public int focusKeyframe() {
        return frameAt.length == 0 ? -1 : frameGop[Math.max(0, focusFrame)];
    }

    /**
     * The keyframe nearest the player's (after it on a tie), not {@code tried}, with a restart
     * point ({@code states}) or a frame not kept; or -1.
     */
    private int nearestUnfilled(java.util.BitSet tried, boolean states) {
        int focus = focusKeyframe();
        for (int d = 0; focus >= 0 && (focus - d >= 0 || focus + d < keyframeSteps.length); d++) {
            for (int g : new int[] {focus + d, focus - d}) {
                if (g >= 0 && g < keyframeSteps.length && gopFirstFrame[g] >= 0 && !tried.get(g) && !filled(g, states)) {
                    return g;
                }
            }
        }
        return -1;
    }

    private boolean filled(int g, boolean states) {
        for (int f = gopFirstFrame[g]; f < frameEnd.length && frameGop[f] == g; f++) {
            if (states ? isRestartPoint(f) && !snapshots.hasState(f) : !snapshots.has(f)) {
                return false;
            }
        }
        return true;
    }

    private void giveWay(java.util.function.BooleanSupplier stop) {
        while (seeking.get() > 0 && !stop.getAsBoolean()) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
    }

    /** Pictures kept so far and their bytes (benchmarks, tests). */
    int snapshotCount() {
        return snapshots.count();
    }

    long snapshotBytes() {
        return snapshots.bytes();
    }

    /** Restart points kept, their bytes, and of those what the codec's tables take (benchmarks, tests). */
    int restartPointCount() {
        return snapshots.stateCount();
    }

    long restartPointBytes() {
        return snapshots.stateBytes();
    }

    long restartPointTableBytes() {
        return snapshots.stateTableBytes();
    }

    /** Restart points the recording has room for: every {@value #RESTART_EVERY}th picture of each keyframe's ten seconds. */
    int restartPointsPlanned() {
        int planned = 0;
        for (int f = 0; f < frameEnd.length; f++) {
            if (isRestartPoint(f)) {
                planned++;
            }
        }
        return planned;
    }

    /** Whether the picture at {@code atMs} is kept (tests). */
    boolean keeps(long atMs) {
        int frame = frameAt(atMs);
        return frame >= 0 && snapshots.has(frame);
    }

    /** Complete pictures a seek can land on. */
    int pictureCount() {
        return frameEnd.length;
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
            if (apply(decoder, step) && step.lastSlice()) {
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
        closed = true;
        snapshots.clear();
        fromCustomer.destroy();
        fromTechnician.destroy();
        reader.close();
    }
}
