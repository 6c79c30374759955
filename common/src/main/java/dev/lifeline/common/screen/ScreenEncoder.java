package dev.lifeline.common.screen;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns successive frames into updates against what the viewer already has. One encoder per
 * viewer; not thread-safe.
 */
public final class ScreenEncoder {
    /** Leaves room under the relay's 1 MiB frame cap for the seal and the envelope. */
    public static final int DEFAULT_MAX_SLICE_BYTES = 960 * 1024;

    private final PhotoCodec photos;
    private final int maxSliceBytes;
    private int[] previous;
    private int width;
    private int height;
    private boolean keyframeRequested = true;

    public ScreenEncoder(PhotoCodec photos) {
        this(photos, DEFAULT_MAX_SLICE_BYTES);
    }

    public ScreenEncoder(PhotoCodec photos, int maxSliceBytes) {
        this.photos = photos;
        this.maxSliceBytes = maxSliceBytes;
    }

    /** The next update repaints the whole screen (a new viewer, a recording keyframe, a lost update). */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    public EncodedUpdate encode(ScreenImage frame, Quality quality) {
        return encode(frame, quality, false);
    }

    /**
     * Encodes what changed since the last call.
     *
     * @param congested the link cannot keep up: FAST may reduce colours
     */
    public EncodedUpdate encode(ScreenImage frame, Quality quality, boolean congested) {
        boolean keyframe = keyframeRequested || previous == null || frame.width() != width || frame.height() != height;
        int[] cur = frame.pixels();
        TileGrid grid = new TileGrid(frame.width(), frame.height());
        List<Integer> dirty = new ArrayList<>();
        ScreenRect changed = ScreenRect.EMPTY;
        for (int t = 0; t < grid.count(); t++) {
            if (keyframe || !grid.sameTile(t, cur, previous)) {
                dirty.add(t);
                changed = changed.union(grid.rect(t));
            }
        }
        if (dirty.isEmpty()) {
            return EncodedUpdate.NONE;
        }
        ByteArrayOutputStream ops = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int t : dirty) {
            ScreenRect r = grid.rect(t);
            SliceFormat.writeVarint(ops, SliceFormat.OP_RAW);
            SliceFormat.writeVarint(ops, t);
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    int p = cur[y * frame.width() + x];
                    data.write(p >>> 16);
                    data.write(p >>> 8);
                    data.write(p);
                }
            }
        }
        byte[] slice = SliceFormat.write(keyframe, true, true, frame.width(), frame.height(), dirty.size(),
                ops.toByteArray(), data.toByteArray());
        if (previous == null || previous.length != cur.length) {
            previous = new int[cur.length];
        }
        System.arraycopy(cur, 0, previous, 0, cur.length);
        width = frame.width();
        height = frame.height();
        keyframeRequested = false;
        return new EncodedUpdate(List.of(slice), keyframe, changed);
    }
}
