package dev.lifeline.common.screen;

import java.util.HashMap;
import java.util.Map;

/**
 * The encoder's side of the tile cache: finds a tile by a 64-bit hash of its pixels and then
 * compares the pixels themselves, so a hash collision costs a comparison, never a wrong picture.
 * Evicts the least recently used slot.
 */
final class TileCacheIndex extends TileCache {
    private final Map<Long, Integer> slotByHash = new HashMap<>();
    private final long[] hashOfSlot = new long[SLOTS];
    private final long[] lastUsed = new long[SLOTS];
    private long clock;
    private int filled;

    @Override
    void clear() {
        super.clear();
        slotByHash.clear();
        filled = 0;
    }

    static long hash(int[] frame, int stride, int x0, int y0, int w, int h) {
        // Four independent lanes so the multiplies overlap; only a hint, pixels are compared anyway.
        long h0 = 0x9E3779B97F4A7C15L ^ ((long) w << 8 | h);
        long h1 = 0xC2B2AE3D27D4EB4FL;
        long h2 = 0x165667B19E3779F9L;
        long h3 = 0x27D4EB2F165667C5L;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            int x = x0;
            int end = x0 + w;
            for (; x + 3 < end; x += 4) {
                h0 = (h0 ^ (frame[row + x] & 0xFFFFFF)) * 0x100000001B3L;
                h1 = (h1 ^ (frame[row + x + 1] & 0xFFFFFF)) * 0x100000001B3L;
                h2 = (h2 ^ (frame[row + x + 2] & 0xFFFFFF)) * 0x100000001B3L;
                h3 = (h3 ^ (frame[row + x + 3] & 0xFFFFFF)) * 0x100000001B3L;
            }
            for (; x < end; x++) {
                h0 = (h0 ^ (frame[row + x] & 0xFFFFFF)) * 0x100000001B3L;
            }
            h0 ^= h0 >>> 29;
        }
        long hash = h0 ^ Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 31) ^ Long.rotateLeft(h3, 47);
        return hash ^ (hash >>> 29);
    }

    /** The slot already holding exactly these pixels, or -1. */
    int find(long hash, int[] frame, int stride, int x0, int y0, int w, int h) {
        Integer slot = slotByHash.get(hash);
        if (slot == null || !sameAs(slot, frame, stride, x0, y0, w, h)) {
            return -1;
        }
        lastUsed[slot] = ++clock;
        return slot;
    }

    /** Stores the tile in a free or the least recently used slot and returns that slot. */
    int add(long hash, int[] frame, int stride, int x0, int y0, int w, int h) {
        int slot;
        if (filled < SLOTS) {
            slot = filled++;
        } else {
            slot = 0;
            for (int i = 1; i < SLOTS; i++) {
                if (lastUsed[i] < lastUsed[slot]) {
                    slot = i;
                }
            }
            slotByHash.remove(hashOfSlot[slot], slot);
        }
        store(slot, frame, stride, x0, y0, w, h);
        hashOfSlot[slot] = hash;
        lastUsed[slot] = ++clock;
        slotByHash.put(hash, slot);
        return slot;
    }
}
