package dev.lifeline.common.screen;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Everything a {@link ScreenDecoder} carries from one update to the next, compressed: the picture
 * ({@link PackedPicture}) and the codec's tables — the tile cache's live slots, the neighbourhood
 * memory and the last palette. A decoder restored from it decodes the following updates exactly
 * as the decoder it was saved from, so a player can restart decoding here instead of at the
 * keyframe. Immutable and valid by construction: {@link ScreenDecoder#saveState} makes one, and
 * {@link #fromBytes} checks every byte of one read back ({@link #toBytes}).
 *
 * <p>{@link #bytes()} is what it holds in memory; the tables are usually far smaller than the
 * picture (figures in docs/benchmarks.md, "Session recordings").
 */
public final class DecoderState {
    private static final int MAGIC = 0x4C4C4453; // "LLDS"
    private static final int VERSION = 1;
    private static final int TABLES_LEVEL = 1;
    private static final int PALETTE = 256;
    private static final int TILE_PIXELS = TileGrid.TILE * TileGrid.TILE;
    /** The raw tables at their largest: palette, memory, every cache slot holding a full tile. */
    private static final int MAX_TABLES = 3 * PALETTE + NeighbourhoodMemory.ENTRIES / 8 + 3 * NeighbourhoodMemory.ENTRIES
            + 2 + TileCache.SLOTS * (5 + TILE_PIXELS * 3);

    /** Null before the first keyframe. */
    private final PackedPicture picture;
    private final byte[] tables;

    private DecoderState(PackedPicture picture, byte[] tables) {
        this.picture = picture;
        this.tables = tables;
    }

    /** The picture at the point the state was saved (a new buffer), or null before the first keyframe. */
    public ScreenImage picture() {
        return picture == null ? null : picture.unpack();
    }

    /** Memory the state takes, in bytes: {@link #pictureBytes} plus {@link #tableBytes}. */
    public long bytes() {
        return pictureBytes() + tableBytes();
    }

    public long pictureBytes() {
        return picture == null ? 0 : picture.bytes();
    }

    public long tableBytes() {
        return tables.length + 32L;
    }

    /** The state as bytes, to be read back with {@link #fromBytes}. */
    public byte[] toBytes() {
        byte[] packed = picture == null ? new byte[0] : picture.packedBytes();
        ByteBuffer out = ByteBuffer.allocate(4 + 1 + 4 + 4 + 4 + packed.length + 4 + tables.length);
        out.putInt(MAGIC).put((byte) VERSION);
        out.putInt(picture == null ? 0 : picture.width()).putInt(picture == null ? 0 : picture.height());
        out.putInt(packed.length).put(packed);
        out.putInt(tables.length).put(tables);
        return out.array();
    }

    /** Reads what {@link #toBytes} wrote, checking all of it. */
    public static DecoderState fromBytes(byte[] bytes) throws MalformedDecoderStateException {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.remaining() < 5 || in.getInt() != MAGIC) {
                throw new MalformedDecoderStateException("not a screen decoder state");
            }
            int version = in.get() & 0xFF;
            if (version != VERSION) {
                throw new MalformedDecoderStateException("screen decoder state version " + version + ", this viewer reads "
                        + VERSION);
            }
            int width = in.getInt();
            int height = in.getInt();
            byte[] packed = slice(in, "picture");
            byte[] tables = slice(in, "tables");
            if (in.hasRemaining()) {
                throw new MalformedDecoderStateException(in.remaining() + " bytes after the end of the state");
            }
            PackedPicture picture = null;
            if (width != 0 || height != 0 || packed.length != 0) {
                picture = PackedPicture.of(width, height, packed);
            }
            DecoderState state = new DecoderState(picture, tables);
            state.restoreInto(picture == null ? null : picture.unpackChecked(), new int[PALETTE], new NeighbourhoodMemory(),
                    new TileCache());
            return state;
        } catch (BufferUnderflowException e) {
            throw new MalformedDecoderStateException("screen decoder state cut short", e);
        }
    }

    private static byte[] slice(ByteBuffer in, String what) throws MalformedDecoderStateException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new MalformedDecoderStateException(what + " of " + length + " bytes, " + in.remaining() + " left");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    /** The state of a decoder with these parts; {@code scratch} as for {@link PackedPicture#pack}. */
    static DecoderState save(ScreenImage image, int[] palette, NeighbourhoodMemory memory, TileCache cache,
                             byte[][] scratch) {
        PackedPicture picture = image == null ? null : PackedPicture.pack(image, scratch);
        int[] onScreen = tilesOnScreen(image, cache);
        int live = 0;
        int rawPixels = 0;
        for (int slot = 0; slot < TileCache.SLOTS; slot++) {
            if (cache.widths[slot] > 0) {
                live++;
                rawPixels += onScreen[slot] < 0 ? cache.widths[slot] * cache.heights[slot] : 0;
            }
        }
        int learned = 0;
        for (int entry : memory.table) {
            learned += entry != 0 ? 1 : 0;
        }
        ByteBuffer raw = ByteBuffer.allocate(3 * PALETTE + NeighbourhoodMemory.ENTRIES / 8 + 3 * learned + 2
                + live * 7 + rawPixels * 3);
        for (int i = 0; i < PALETTE; i++) {
            raw.put((byte) (palette[i] >>> 16)).put((byte) (palette[i] >>> 8)).put((byte) palette[i]);
        }
        // The memory: which entries are learned, then their colours a channel at a time (they repeat).
        for (int i = 0; i < NeighbourhoodMemory.ENTRIES; i += 8) {
            int bits = 0;
            for (int b = 0; b < 8; b++) {
                bits |= memory.table[i + b] != 0 ? 1 << b : 0;
            }
            raw.put((byte) bits);
        }
        for (int shift = 16; shift >= 0; shift -= 8) {
            for (int entry : memory.table) {
                if (entry != 0) {
                    raw.put((byte) (entry >>> shift));
                }
            }
        }
        // The cache: a tile still on screen where it was stored is named by its place, others are spelled out.
        raw.putShort((short) live);
        for (int slot = 0; slot < TileCache.SLOTS; slot++) {
            int w = cache.widths[slot];
            int h = cache.heights[slot];
            if (w == 0) {
                continue;
            }
            raw.putShort((short) slot).put((byte) (w - 1)).put((byte) (h - 1));
            if (onScreen[slot] >= 0) {
                raw.put((byte) 1).putShort((short) onScreen[slot]);
            } else {
                raw.put((byte) 0);
                PackedPicture.toDeltas(java.util.Arrays.copyOf(cache.pixels[slot], w * h), w, raw.array(), raw.position());
                raw.position(raw.position() + w * h * 3);
            }
        }
        try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            // The checksum makes a damaged state fail to restore instead of decoding wrong pictures.
            zstd.setLevel(TABLES_LEVEL).setChecksum(true).setContentSize(true);
            return new DecoderState(picture, zstd.compress(java.util.Arrays.copyOf(raw.array(), raw.position())));
        }
    }

    /** For each cache slot, the screen tile (by grid index) that holds exactly its pixels, or -1. */
    private static int[] tilesOnScreen(ScreenImage image, TileCache cache) {
        int[] found = new int[TileCache.SLOTS];
        java.util.Arrays.fill(found, -1);
        if (image == null) {
            return found;
        }
        TileGrid grid = new TileGrid(image.width(), image.height());
        java.util.Map<Long, Integer> byHash = new java.util.HashMap<>();
        int[] px = image.pixels();
        for (int t = 0; t < grid.count(); t++) {
            byHash.putIfAbsent(hash(px, image.width(), grid.x(t), grid.y(t), grid.tileWidth(t), grid.tileHeight(t)), t);
        }
        for (int slot = 0; slot < TileCache.SLOTS; slot++) {
            int w = cache.widths[slot];
            int h = cache.heights[slot];
            if (w == 0) {
                continue;
            }
            Integer t = byHash.get(hash(cache.pixels[slot], w, 0, 0, w, h));
            if (t != null && cache.sameAs(slot, px, image.width(), grid.x(t), grid.y(t), grid.tileWidth(t), grid.tileHeight(t))) {
                found[slot] = t;
            }
        }
        return found;
    }

    private static long hash(int[] px, int stride, int x0, int y0, int w, int h) {
        long hash = w * 31L + h;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                hash = hash * 0x100000001B3L ^ (px[y * stride + x] & 0xFFFFFF);
            }
        }
        return hash;
    }

    /** The picture (packed) for a decoder's restore. */
    PackedPicture packedPicture() {
        return picture;
    }

    /**
     * Writes the tables into {@code palette}, {@code memory} and {@code cache} (whatever they held
     * before is replaced); {@code image} is the state's picture, unpacked. Checks every number: a
     * state read from bytes goes through here first.
     */
    void restoreInto(ScreenImage image, int[] palette, NeighbourhoodMemory memory, TileCache cache)
            throws MalformedDecoderStateException {
        // zstd-jni reads the header without checking the array holds one.
        long size = tables.length < 4 ? -1 : Zstd.getFrameContentSize(tables);
        if (size < 3 * PALETTE + NeighbourhoodMemory.ENTRIES / 8 + 2 || size > MAX_TABLES) {
            throw new MalformedDecoderStateException("decoder tables declare " + size + " bytes");
        }
        byte[] bytes = new byte[(int) size];
        try (ZstdDecompressCtx zstd = new ZstdDecompressCtx()) {
            int n = zstd.decompressByteArray(bytes, 0, bytes.length, tables, 0, tables.length);
            if (n != bytes.length) {
                throw new MalformedDecoderStateException("decoder tables are " + n + " bytes, not " + size);
            }
        } catch (ZstdException e) {
            throw new MalformedDecoderStateException("decoder tables do not decompress: " + e.getMessage(), e);
        }
        ByteBuffer raw = ByteBuffer.wrap(bytes);
        try {
            for (int i = 0; i < PALETTE; i++) {
                palette[i] = (raw.get() & 0xFF) << 16 | (raw.get() & 0xFF) << 8 | (raw.get() & 0xFF);
            }
            int bitmap = raw.position();
            int learned = 0;
            for (int i = 0; i < NeighbourhoodMemory.ENTRIES / 8; i++) {
                learned += Integer.bitCount(raw.get() & 0xFF);
            }
            int colours = raw.position();
            if (raw.remaining() < 3 * learned) {
                throw new MalformedDecoderStateException("neighbourhood memory cut short");
            }
            for (int i = 0, n = 0; i < NeighbourhoodMemory.ENTRIES; i++) {
                if ((bytes[bitmap + i / 8] & (1 << (i % 8))) == 0) {
                    memory.table[i] = 0;
                    continue;
                }
                memory.table[i] = NeighbourhoodMemory.LEARNED | (bytes[colours + n] & 0xFF) << 16
                        | (bytes[colours + learned + n] & 0xFF) << 8 | (bytes[colours + 2 * learned + n] & 0xFF);
                n++;
            }
            raw.position(colours + 3 * learned);
            int live = raw.getShort() & 0xFFFF;
            if (live > TileCache.SLOTS) {
                throw new MalformedDecoderStateException(live + " tile cache slots");
            }
            TileGrid grid = image == null ? null : new TileGrid(image.width(), image.height());
            cache.clear();
            int previous = -1;
            int[] px = new int[TILE_PIXELS];
            for (int n = 0; n < live; n++) {
                int slot = raw.getShort() & 0xFFFF;
                int w = (raw.get() & 0xFF) + 1;
                int h = (raw.get() & 0xFF) + 1;
                int kind = raw.get() & 0xFF;
                if (slot <= previous || slot >= TileCache.SLOTS || w > TileGrid.TILE || h > TileGrid.TILE) {
                    throw new MalformedDecoderStateException("tile cache slot " + slot + " of " + w + "x" + h);
                }
                previous = slot;
                if (kind == 1) {
                    int t = raw.getShort() & 0xFFFF;
                    if (grid == null || t >= grid.count() || grid.tileWidth(t) != w || grid.tileHeight(t) != h) {
                        throw new MalformedDecoderStateException("tile cache slot " + slot + " names screen tile " + t);
                    }
                    cache.store(slot, image.pixels(), image.width(), grid.x(t), grid.y(t), w, h);
                } else if (kind == 0) {
                    if (raw.remaining() < w * h * 3) {
                        throw new MalformedDecoderStateException("tile cache slot " + slot + " cut short");
                    }
                    int[] tile = w * h == TILE_PIXELS ? px : new int[w * h];
                    PackedPicture.fromDeltas(bytes, raw.position(), tile, w);
                    raw.position(raw.position() + w * h * 3);
                    cache.store(slot, tile, w, 0, 0, w, h);
                } else {
                    throw new MalformedDecoderStateException("tile cache slot " + slot + " of kind " + kind);
                }
            }
            if (raw.hasRemaining()) {
                throw new MalformedDecoderStateException(raw.remaining() + " bytes after the decoder tables");
            }
        } catch (BufferUnderflowException e) {
            throw new MalformedDecoderStateException("decoder tables cut short", e);
        }
    }
}
