package dev.lifeline.common.screen;

import java.util.List;

/**
 * What changed between two frames, as one or more slices that are decoded in order. Each slice
 * fits in one end-to-end message; the picture is complete after the last one.
 *
 * @param slices     encoded slices, empty when nothing changed
 * @param keyframe   true when the update repaints the whole screen without reference to earlier frames
 * @param changed    bounding box of the pixels that changed
 * @param copiedTiles tiles sent as copies of moved content (scrolling)
 * @param cachedTiles tiles sent as references to the tile cache
 */
public record EncodedUpdate(List<byte[]> slices, boolean keyframe, ScreenRect changed, int copiedTiles,
                            int cachedTiles) {
    public static final EncodedUpdate NONE = new EncodedUpdate(List.of(), false, ScreenRect.EMPTY, 0, 0);

    public EncodedUpdate {
        slices = List.copyOf(slices);
    }

    public boolean isEmpty() {
        return slices.isEmpty();
    }

    public int totalBytes() {
        int total = 0;
        for (byte[] slice : slices) {
            total += slice.length;
        }
        return total;
    }
}
