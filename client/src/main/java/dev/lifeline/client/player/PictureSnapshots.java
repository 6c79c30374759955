package dev.lifeline.client.player;

import dev.lifeline.common.screen.DecoderState;
import dev.lifeline.common.screen.PackedPicture;
import dev.lifeline.common.screen.ScreenImage;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the player keeps of a recording's decoded screen, by frame number, compressed in memory
 * within a byte budget: pictures ({@link PackedPicture}), which turn a seek to their frame into
 * one decompression, and at restart points the screen decoder's whole state
 * ({@link DecoderState}: its picture plus the codec's tables), from which a seek to a later frame
 * of the same ten seconds decodes on instead of from the keyframe. A kept frame also stands in for
 * later ones while their exact picture is decoded. Thread-safe: the filler adds while the player
 * reads.
 */
final class PictureSnapshots {
    /** One kept frame: a picture, or a decoder state (which holds the picture too). */
    private record Kept(PackedPicture picture, DecoderState state) {
        long bytes() {
            return state != null ? state.bytes() : picture.bytes();
        }

        ScreenImage image() {
            return state != null ? state.picture() : picture.unpack();
        }
    }

    private final long budgetBytes;
    private final ConcurrentSkipListMap<Integer, Kept> byFrame = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();

    PictureSnapshots(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A quarter of the heap: an hour of busy 1080p screen (about 0.6 GB) fits a 3 GB heap. */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * Keeps {@code picture} as frame {@code frame}'s; false (and nothing kept) when the budget is
     * spent. {@code scratch} (two buffers) is reused between calls of one thread.
     */
    boolean put(int frame, ScreenImage picture, byte[][] scratch) {
        if (byFrame.containsKey(frame)) {
            return true;
        }
        if (bytes.get() >= budgetBytes) {
            return false;
        }
        return keep(frame, new Kept(PackedPicture.pack(picture, scratch), null));
    }

    /**
     * Keeps {@code state} as frame {@code frame}'s restart point (in place of its picture, if that
     * was kept); false (and nothing changed) when the budget is spent.
     */
    boolean putState(int frame, DecoderState state) {
        Kept before = byFrame.get(frame);
        if (before != null && before.state() != null) {
            return true;
        }
        Kept kept = new Kept(null, state);
        long added = kept.bytes() - (before == null ? 0 : before.bytes());
        if (bytes.addAndGet(added) > budgetBytes) {
            bytes.addAndGet(-added);
            return false;
        }
        byFrame.put(frame, kept);
        return true;
    }

    private boolean keep(int frame, Kept kept) {
        if (bytes.addAndGet(kept.bytes()) > budgetBytes) {
            bytes.addAndGet(-kept.bytes());
            return false;
        }
        byFrame.put(frame, kept);
        return true;
    }

    boolean has(int frame) {
        return byFrame.containsKey(frame);
    }

    boolean hasState(int frame) {
        Kept kept = byFrame.get(frame);
        return kept != null && kept.state() != null;
    }

    /** Frame {@code frame}'s picture (a new buffer), or null when it is not kept. */
    ScreenImage get(int frame) {
        Kept kept = byFrame.get(frame);
        return kept == null ? null : kept.image();
    }

    /** Frame {@code frame}'s decoder state, or null when it is not a kept restart point. */
    DecoderState state(int frame) {
        Kept kept = byFrame.get(frame);
        return kept == null ? null : kept.state();
    }

    /** The kept frame nearest at or before {@code frame} and not before {@code notBefore}, or -1. */
    int floor(int frame, int notBefore) {
        Map.Entry<Integer, Kept> entry = byFrame.floorEntry(frame);
        return entry == null || entry.getKey() < notBefore ? -1 : entry.getKey();
    }

    /** The restart point nearest at or before {@code frame} and not before {@code notBefore}, or -1. */
    int floorState(int frame, int notBefore) {
        for (Map.Entry<Integer, Kept> entry = byFrame.floorEntry(frame); entry != null && entry.getKey() >= notBefore;
                entry = byFrame.lowerEntry(entry.getKey())) {
            if (entry.getValue().state() != null) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /**
     * Drops the kept frame farthest from {@code focus} among those more than {@code beyond} frames
     * away and not {@code pinned}, and returns it; -1 when there is none.
     */
    int evictFarthest(int focus, int beyond, java.util.function.IntPredicate pinned) {
        Integer low = byFrame.isEmpty() ? null : byFrame.firstKey();
        Integer high = byFrame.isEmpty() ? null : byFrame.lastKey();
        while (low != null && pinned.test(low)) {
            low = byFrame.higherKey(low);
        }
        while (high != null && pinned.test(high)) {
            high = byFrame.lowerKey(high);
        }
        Integer far = low == null ? high : high == null ? low : focus - low >= high - focus ? low : high;
        if (far == null || Math.abs(far - focus) <= beyond) {
            return -1;
        }
        Kept dropped = byFrame.remove(far);
        if (dropped != null) {
            bytes.addAndGet(-dropped.bytes());
        }
        return far;
    }

    int count() {
        return byFrame.size();
    }

    /** Restart points kept, and the bytes they take. */
    int stateCount() {
        return (int) byFrame.values().stream().filter(kept -> kept.state() != null).count();
    }

    long stateBytes() {
        return byFrame.values().stream().filter(kept -> kept.state() != null).mapToLong(Kept::bytes).sum();
    }

    /** Of {@link #stateBytes}, what the codec's tables take (the rest is their pictures). */
    long stateTableBytes() {
        return byFrame.values().stream().filter(kept -> kept.state() != null).mapToLong(kept -> kept.state().tableBytes()).sum();
    }

    long bytes() {
        return bytes.get();
    }

    boolean full() {
        return bytes.get() >= budgetBytes;
    }

    void clear() {
        byFrame.clear();
        bytes.set(0);
    }
}
