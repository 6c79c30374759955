package dev.lifeline.common.screen;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * A screen picture kept compressed in memory: 0xRRGGBB as three bytes a pixel predicted from the
 * pixel to the left (green first, red and blue relative to it), then zstd at a fast level. Decoded
 * photo areas are noisy, and the prediction keeps them about a third smaller than plain bytes;
 * screen content shrinks 30-50×. A 1920x1080 picture packs or unpacks in a few ms. Immutable.
 */
public final class PackedPicture {
    /** Fast level: a 1920x1080 picture in a few ms. */
    private static final int LEVEL = 1;

    private final int width;
    private final int height;
    private final byte[] packed;

    private PackedPicture(int width, int height, byte[] packed) {
        this.width = width;
        this.height = height;
        this.packed = packed;
    }

    /**
     * Packs {@code picture} (the top byte of each pixel is dropped). {@code scratch} (two buffers,
     * filled in as needed) is reused between calls of one thread.
     */
    public static PackedPicture pack(ScreenImage picture, byte[][] scratch) {
        int[] px = picture.pixels();
        int rawLength = px.length * 3;
        if (scratch[0] == null || scratch[0].length < rawLength) {
            scratch[0] = new byte[rawLength];
        }
        byte[] raw = scratch[0];
        toDeltas(px, picture.width(), raw, 0);
        int bound = (int) Zstd.compressBound(rawLength);
        if (scratch[1] == null || scratch[1].length < bound) {
            scratch[1] = new byte[bound];
        }
        int n;
        try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            // The checksum makes a damaged picture fail to unpack instead of showing wrong pixels.
            zstd.setLevel(LEVEL).setChecksum(true).setContentSize(true);
            n = zstd.compressByteArray(scratch[1], 0, bound, raw, 0, rawLength);
        }
        return new PackedPicture(picture.width(), picture.height(), java.util.Arrays.copyOf(scratch[1], (int) n));
    }

    /** Takes {@code packed} (as {@link #packedBytes}) after checking that it declares a {@code width × height} picture. */
    static PackedPicture of(int width, int height, byte[] packed) throws MalformedDecoderStateException {
        if (width < 1 || height < 1 || width > ScreenImage.MAX_SIDE || height > ScreenImage.MAX_SIDE
                || (long) width * height > ScreenImage.MAX_PIXELS) {
            throw new MalformedDecoderStateException("picture of " + width + "x" + height + " out of range");
        }
        // zstd-jni reads the header without checking the array holds one.
        long size = packed.length < 4 ? -1 : Zstd.getFrameContentSize(packed);
        if (size != (long) width * height * 3) {
            throw new MalformedDecoderStateException("picture declares " + size + " bytes, not " + width + "x" + height + "x3");
        }
        return new PackedPicture(width, height, packed);
    }

    /** {@link #unpack} for bytes read from outside: damage is a typed error. */
    ScreenImage unpackChecked() throws MalformedDecoderStateException {
        try {
            return unpack();
        } catch (IllegalStateException | ZstdException e) {
            throw new MalformedDecoderStateException("picture does not unpack: " + e.getMessage(), e);
        }
    }

    /** The picture (a new buffer). */
    public ScreenImage unpack() {
        byte[] raw = new byte[width * height * 3];
        long n = Zstd.decompressByteArray(raw, 0, raw.length, packed, 0, packed.length);
        if (Zstd.isError(n) || n != raw.length) {
            throw new IllegalStateException("packed picture is damaged: " + (Zstd.isError(n) ? Zstd.getErrorName(n) : n + " bytes"));
        }
        int[] px = new int[width * height];
        fromDeltas(raw, 0, px, width);
        return new ScreenImage(width, height, px);
    }

    /**
     * Writes {@code px} (rows {@code width} long) into {@code out} from {@code at} as three bytes a
     * pixel, each predicted from its left neighbour (the one above at a row's start).
     */
    static void toDeltas(int[] px, int width, byte[] out, int at) {
        for (int i = 0, o = at; i < px.length; i++, o += 3) {
            int p = px[i];
            int left = i % width != 0 ? px[i - 1] : i >= width ? px[i - width] : 0;
            int green = ((p >>> 8) & 0xFF) - ((left >>> 8) & 0xFF);
            out[o] = (byte) green;
            out[o + 1] = (byte) (((p >>> 16) & 0xFF) - ((left >>> 16) & 0xFF) - green);
            out[o + 2] = (byte) ((p & 0xFF) - (left & 0xFF) - green);
        }
    }

    /** Undoes {@link #toDeltas}: fills all of {@code px} from {@code raw} at {@code at}. */
    static void fromDeltas(byte[] raw, int at, int[] px, int width) {
        for (int i = 0, o = at; i < px.length; i++, o += 3) {
            int left = i % width != 0 ? px[i - 1] : i >= width ? px[i - width] : 0;
            int green = raw[o];
            int g = (((left >>> 8) & 0xFF) + green) & 0xFF;
            int r = (((left >>> 16) & 0xFF) + raw[o + 1] + green) & 0xFF;
            int b = ((left & 0xFF) + raw[o + 2] + green) & 0xFF;
            px[i] = r << 16 | g << 8 | b;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Memory it takes: the compressed bytes plus the object's own few. */
    public long bytes() {
        return packed.length + 32L;
    }

    /** The compressed bytes themselves (not a copy: callers only write them out). */
    byte[] packedBytes() {
        return packed;
    }
}
