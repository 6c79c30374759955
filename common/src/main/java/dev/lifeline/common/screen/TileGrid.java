package dev.lifeline.common.screen;

import java.util.Arrays;

/** The screen cut into {@value #TILE}-pixel squares (smaller at the right and bottom edges). */
final class TileGrid {
    static final int TILE = 64;

    final int width;
    final int height;
    final int columns;
    final int rows;

    TileGrid(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = (width + TILE - 1) / TILE;
        this.rows = (height + TILE - 1) / TILE;
    }

    int count() {
        return columns * rows;
    }

    int x(int tile) {
        return (tile % columns) * TILE;
    }

    int y(int tile) {
        return (tile / columns) * TILE;
    }

    int tileWidth(int tile) {
        return Math.min(TILE, width - x(tile));
    }

    int tileHeight(int tile) {
        return Math.min(TILE, height - y(tile));
    }

    ScreenRect rect(int tile) {
        return new ScreenRect(x(tile), y(tile), tileWidth(tile), tileHeight(tile));
    }

    boolean sameTile(int tile, int[] a, int[] b) {
        int x = x(tile);
        int w = tileWidth(tile);
        int top = y(tile);
        int bottom = top + tileHeight(tile);
        for (int y = top; y < bottom; y++) {
            int from = y * width + x;
            if (Arrays.mismatch(a, from, from + w, b, from, from + w) >= 0) {
                return false;
            }
        }
        return true;
    }
}
