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
        long hash = 0x9E3779B97F4A7C15L ^ ((long) w << 8 | h);
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                hash = (hash ^ (frame[row + x] & 0xFFFFFF)) * 0x100000001B3L;
                hash ^= hash >>> 29;
            }
        }
        return hash;
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
