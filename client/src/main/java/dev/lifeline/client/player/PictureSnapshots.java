package dev.lifeline.client.player;

import com.github.luben.zstd.Zstd;
import dev.lifeline.common.screen.ScreenImage;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded screen pictures of a recording by frame number, zstd-compressed in memory within a byte
 * budget: what turns a seek into one decompression instead of a decode from the keyframe. The
 * screen codec's state after a frame cannot be copied, so a snapshot serves exactly its own frame
 * (and as a stand-in for later ones while their exact picture is decoded). Pictures are 0xRRGGBB,
 * stored as three bytes a pixel predicted from the pixel to the left (green first, red and blue
 * relative to it): decoded photo areas are noisy, and this keeps them about a third smaller than
 * plain bytes. Thread-safe: the filler adds while the player reads.
 */
final class PictureSnapshots {
    /** Fast level: a 1920x1080 picture in a few ms; screen content still shrinks 30-50×. */
    private static final int LEVEL = 1;
    private static final int HEADER = 8;

    private final long budgetBytes;
    private final ConcurrentSkipListMap<Integer, byte[]> byFrame = new ConcurrentSkipListMap<>();
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
        int[] px = picture.pixels();
        int rawLength = px.length * 3;
        if (scratch[0] == null || scratch[0].length < rawLength) {
            scratch[0] = new byte[rawLength];
        }
        byte[] raw = scratch[0];
        int width = picture.width();
        for (int i = 0, o = 0; i < px.length; i++, o += 3) {
            int p = px[i];
            int left = i % width != 0 ? px[i - 1] : i >= width ? px[i - width] : 0;
            int green = ((p >>> 8) & 0xFF) - ((left >>> 8) & 0xFF);
            raw[o] = (byte) green;
            raw[o + 1] = (byte) (((p >>> 16) & 0xFF) - ((left >>> 16) & 0xFF) - green);
            raw[o + 2] = (byte) ((p & 0xFF) - (left & 0xFF) - green);
        }
        int bound = (int) Zstd.compressBound(rawLength) + HEADER;
        if (scratch[1] == null || scratch[1].length < bound) {
            scratch[1] = new byte[bound];
        }
        byte[] packed = scratch[1];
        long n = Zstd.compressByteArray(packed, HEADER, bound - HEADER, raw, 0, rawLength, LEVEL);
        if (Zstd.isError(n)) {
            return false;
        }
        byte[] kept = java.util.Arrays.copyOf(packed, HEADER + (int) n);
        writeInt(kept, 0, picture.width());
        writeInt(kept, 4, picture.height());
        if (bytes.addAndGet(kept.length) > budgetBytes) {
            bytes.addAndGet(-kept.length);
            return false;
        }
        byFrame.put(frame, kept);
        return true;
    }

    boolean has(int frame) {
        return byFrame.containsKey(frame);
    }

    /** Frame {@code frame}'s picture (a new buffer), or null when it is not kept. */
    ScreenImage get(int frame) {
        byte[] kept = byFrame.get(frame);
        return kept == null ? null : unpack(kept);
    }

    /** The kept frame nearest at or before {@code frame} and not before {@code notBefore}, or -1. */
    int floor(int frame, int notBefore) {
        Map.Entry<Integer, byte[]> entry = byFrame.floorEntry(frame);
        return entry == null || entry.getKey() < notBefore ? -1 : entry.getKey();
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
        byte[] dropped = byFrame.remove(far);
        if (dropped != null) {
            bytes.addAndGet(-dropped.length);
        }
        return far;
    }

    int count() {
        return byFrame.size();
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

    private static ScreenImage unpack(byte[] kept) {
        int width = readInt(kept, 0);
        int height = readInt(kept, 4);
        byte[] raw = new byte[width * height * 3];
        long n = Zstd.decompressByteArray(raw, 0, raw.length, kept, HEADER, kept.length - HEADER);
        if (Zstd.isError(n) || n != raw.length) {
            return null;
        }
        int[] px = new int[width * height];
        for (int i = 0, o = 0; i < px.length; i++, o += 3) {
            int left = i % width != 0 ? px[i - 1] : i >= width ? px[i - width] : 0;
            int green = raw[o];
            int g = (((left >>> 8) & 0xFF) + green) & 0xFF;
            int r = (((left >>> 16) & 0xFF) + raw[o + 1] + green) & 0xFF;
            int b = ((left & 0xFF) + raw[o + 2] + green) & 0xFF;
            px[i] = r << 16 | g << 8 | b;
        }
        return new ScreenImage(width, height, px);
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
