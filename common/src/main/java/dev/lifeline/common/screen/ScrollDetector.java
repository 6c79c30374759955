package dev.lifeline.common.screen;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds how far content moved vertically (a scrolled page, a terminal printing lines) so that
 * moved tiles are sent as copies from the previous frame. Keeps a hash of every row segment of
 * every tile column of the previous frame; changed tiles vote with the offsets at which their
 * rows appear there. Candidates are only hints: the encoder compares pixels before it copies.
 */
final class ScrollDetector {
    /** At most this many offsets are tried per tile. */
    static final int MAX_CANDIDATES = 3;
    private static final int SAMPLE_ROWS_PER_TILE = 3;
    private static final int MAX_SAMPLED_TILES = 160;
    /** A row that appears this often in its column (blank space) says nothing about motion. */
    private static final int MAX_MATCHES_PER_SAMPLE = 3;

    private final TileGrid grid;
    /** rowHash[column * height + y]: hash of the previous frame's row y within tile column {@code column}. */
    private final long[] rowHash;

    ScrollDetector(TileGrid grid, int[] frame) {
        this.grid = grid;
        this.rowHash = new long[grid.columns * grid.height];
        for (int column = 0; column < grid.columns; column++) {
            for (int y = 0; y < grid.height; y++) {
                rowHash[column * grid.height + y] = segmentHash(frame, column, y);
            }
        }
    }

    private long segmentHash(int[] frame, int column, int y) {
        int x0 = column * TileGrid.TILE;
        int x1 = Math.min(grid.width, x0 + TileGrid.TILE);
        int from = y * grid.width;
        // Four independent lanes: the multiply chains overlap instead of waiting on each other.
        long h0 = 0xCBF29CE484222325L;
        long h1 = 0x84222325CBF29CE4L;
        long h2 = 0x9E3779B97F4A7C15L;
        long h3 = 0xC2B2AE3D27D4EB4FL;
        int x = x0;
        for (; x + 3 < x1; x += 4) {
            h0 = (h0 ^ (frame[from + x] & 0xFFFFFF)) * 0x100000001B3L;
            h1 = (h1 ^ (frame[from + x + 1] & 0xFFFFFF)) * 0x100000001B3L;
            h2 = (h2 ^ (frame[from + x + 2] & 0xFFFFFF)) * 0x100000001B3L;
            h3 = (h3 ^ (frame[from + x + 3] & 0xFFFFFF)) * 0x100000001B3L;
        }
        for (; x < x1; x++) {
            h0 = (h0 ^ (frame[from + x] & 0xFFFFFF)) * 0x100000001B3L;
        }
        long h = h0 ^ Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 31) ^ Long.rotateLeft(h3, 47);
        return h ^ (h >>> 31);
    }

    /**
     * Offsets {@code dy} (content now at y was at y + dy) worth trying, most votes first; empty
     * when nothing moved. {@code dirtyTiles[0..count)} are the tiles that changed.
     */
    int[] candidates(int[] frame, int[] dirtyTiles, int count) {
        Map<Integer, Integer> votes = new HashMap<>();
        int step = Math.max(1, count / MAX_SAMPLED_TILES);
        for (int i = 0; i < count; i += step) {
            int tile = dirtyTiles[i];
            int column = tile % grid.columns;
            int top = grid.y(tile);
            int h = grid.tileHeight(tile);
            int base = column * grid.height;
            for (int s = 1; s <= SAMPLE_ROWS_PER_TILE; s++) {
                int y = top + (h * s) / (SAMPLE_ROWS_PER_TILE + 1);
                long sample = segmentHash(frame, column, y);
                if (y > 0 && sample == segmentHash(frame, column, y - 1)) {
                    continue;   // part of a flat area: matches everywhere
                }
                int matches = 0;
                int[] found = new int[MAX_MATCHES_PER_SAMPLE + 1];
                for (int py = 0; py < grid.height && matches <= MAX_MATCHES_PER_SAMPLE; py++) {
                    if (rowHash[base + py] == sample && py != y) {
                        found[matches++] = py - y;
                    }
                }
                if (matches > 0 && matches <= MAX_MATCHES_PER_SAMPLE) {
                    for (int m = 0; m < matches; m++) {
                        votes.merge(found[m], 1, Integer::sum);
                    }
                }
            }
        }
        return votes.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(MAX_CANDIDATES)
                .mapToInt(Map.Entry::getKey)
                .toArray();
    }

    /**
     * Takes the new frame's rows of the changed tiles as the previous frame's for next time. Only
     * the rows of each tile's changed box ({@code boxes}, as the encoder packs them) are hashed
     * again: the others are as they were.
     */
    void commit(int[] frame, int[] dirtyTiles, int[] boxes, int count) {
        for (int i = 0; i < count; i++) {
            int tile = dirtyTiles[i];
            int column = tile % grid.columns;
            int top = grid.y(tile) + ((boxes[i] >>> 8) & 0xFF);
            int bottom = top + (boxes[i] >>> 24) + 1;
            for (int y = top; y < bottom; y++) {
                rowHash[column * grid.height + y] = segmentHash(frame, column, y);
            }
        }
    }
}
