package dev.lifeline.common.screen;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * Applies slices from a {@link ScreenEncoder} to the viewer's copy of the screen. Everything in a
 * slice is checked before it touches memory; a bad slice throws {@link MalformedScreenUpdateException}.
 * Not thread-safe: decode and read the image from one thread at a time.
 */
public final class ScreenDecoder {
    private final PhotoCodec photos;
    private ScreenImage image;
    private TileGrid grid;

    public ScreenDecoder(PhotoCodec photos) {
        this.photos = photos;
    }

    /** The viewer's current picture (a live buffer), or null before the first keyframe. */
    public ScreenImage image() {
        return image;
    }

    /** Applies one slice and returns the rectangle it changed. */
    public ScreenRect apply(byte[] slice) throws MalformedScreenUpdateException {
        SliceReader in = new SliceReader(slice);
        int version = in.u8();
        if (version != SliceFormat.VERSION) {
            throw new MalformedScreenUpdateException("unknown screen update version " + version);
        }
        int flags = in.u8();
        int width = in.varint(ScreenImage.MAX_SIDE, "width");
        int height = in.varint(ScreenImage.MAX_SIDE, "height");
        if (width == 0 || height == 0) {
            throw new MalformedScreenUpdateException("empty screen size");
        }
        boolean keyframe = (flags & SliceFormat.FLAG_KEYFRAME) != 0;
        if (image == null || image.width() != width || image.height() != height) {
            if (!keyframe) {
                throw new MalformedScreenUpdateException("update for a " + width + "x" + height
                        + " screen before its keyframe");
            }
            image = ScreenImage.blank(width, height);
            grid = new TileGrid(width, height);
        }
        int opCount = in.varint(grid.count() * 2, "operation count");
        int opsLength = in.varint();
        int bodyLength = in.varint(width * height * 4 + grid.count() * 16, "body length");
        if (opsLength > bodyLength) {
            throw new MalformedScreenUpdateException("operations longer than the body");
        }
        int packedLength = in.varint();
        byte[] packed = in.bytes(packedLength);
        byte[] body = new byte[bodyLength];
        try {
            long n = Zstd.decompressByteArray(body, 0, bodyLength, packed, 0, packed.length);
            if (n != bodyLength) {
                throw new MalformedScreenUpdateException("body is " + n + " bytes, header says " + bodyLength);
            }
        } catch (ZstdException e) {
            throw new MalformedScreenUpdateException("body does not decompress: " + e.getMessage(), e);
        }
        SliceReader ops = new SliceReader(body, 0, opsLength);
        SliceReader data = new SliceReader(body, opsLength, bodyLength);
        int[] px = image.pixels();
        ScreenRect changed = ScreenRect.EMPTY;
        for (int i = 0; i < opCount; i++) {
            int op = ops.u8();
            int tile = ops.varint(grid.count() - 1, "tile");
            if (op != SliceFormat.OP_RAW) {
                throw new MalformedScreenUpdateException("unknown operation " + op);
            }
            ScreenRect r = grid.rect(tile);
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    px[y * width + x] = (data.u8() << 16) | (data.u8() << 8) | data.u8();
                }
            }
            changed = changed.union(r);
        }
        return changed;
    }
}
