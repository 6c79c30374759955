package dev.lifeline.common.screen;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * Applies slices from a {@link ScreenEncoder} to the viewer's copy of the screen. Every number in a
 * slice is checked before it is used; a bad slice throws {@link MalformedScreenUpdateException}
 * (the picture may then be half-updated: ask the sender for a keyframe). Not thread-safe.
 */
public final class ScreenDecoder {
    private final PhotoCodec photos;
    private final ZstdDecompressCtx zstd = new ZstdDecompressCtx();
    private final TileCache cache = new TileCache();
    /** 256: a hostile index byte (up to 255) is looked up before it is rejected. */
    private final int[] palette = new int[256];
    private final NeighbourhoodMemory memory = new NeighbourhoodMemory();
    private final PaletteCoder paletteLookup = new PaletteCoder();
    private final byte[] indexScratch = new byte[TileGrid.TILE * TileGrid.TILE];
    private final PendingCopies pendingCopies = new PendingCopies();
    private ScreenImage image;
    private TileGrid grid;

    public ScreenDecoder(PhotoCodec photos) {
        this.photos = photos;
    }

    /** The viewer's current picture (a live buffer), or null before the first keyframe. */
    public ScreenImage image() {
        return image;
    }

    /**
     * Everything this decoder carries to the next update (picture, tile cache, neighbourhood
     * memory, palette), compressed; taken between two updates. {@code scratch} (two buffers, filled
     * in as needed) is reused between calls of one thread.
     */
    public DecoderState saveState(byte[][] scratch) {
        return DecoderState.save(image, palette, memory, cache, scratch);
    }

    /** As {@link #saveState(byte[][])} with buffers of its own. */
    public DecoderState saveState() {
        return saveState(new byte[2][]);
    }

    /**
     * Puts this decoder where the one that saved {@code state} was: the next update decodes to the
     * same picture as there. Whatever this decoder held before is replaced.
     */
    public void restoreState(DecoderState state) {
        PackedPicture picture = state.packedPicture();
        ScreenImage restored = picture == null ? null : picture.unpack();
        try {
            state.restoreInto(restored, palette, memory, cache);
        } catch (MalformedDecoderStateException e) {
            // A state is checked when it is made or read back, so this is a bug, not bad input.
            throw new IllegalStateException("a checked decoder state did not restore", e);
        }
        image = restored;
        grid = image == null ? null : new TileGrid(image.width(), image.height());
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
        if ((long) width * height > ScreenImage.MAX_PIXELS) {
            throw new MalformedScreenUpdateException("screen of " + width + "x" + height + " is larger than any monitor");
        }
        boolean keyframe = (flags & SliceFormat.FLAG_KEYFRAME) != 0;
        boolean first = (flags & SliceFormat.FLAG_FIRST) != 0;
        if (keyframe && first) {
            if (image == null || image.width() != width || image.height() != height) {
                image = ScreenImage.blank(width, height);
                grid = new TileGrid(width, height);
            }
            cache.clear();
            memory.clear();
        } else if (image == null || image.width() != width || image.height() != height) {
            throw new MalformedScreenUpdateException("update for a " + width + "x" + height
                    + " screen before its keyframe");
        }
        int tiles = grid.count();
        int opCount = in.varint(tiles * 2, "operation count");
        int opsLength = in.varint(tiles * 16, "operations length");
        int coloursLength = in.varint(tiles * (PaletteCoder.MAX_COLOURS * 3 + 3), "colours length");
        int residualsLength = in.varint(width * height * 3, "residuals length");
        int bodyLength = opsLength + coloursLength + residualsLength;
        int packedLength = in.varint();
        int packedAt = in.claim(packedLength);
        int codedLength = in.varint();
        boolean zippedIndices = codedLength > 0 && in.u8() == 1;
        int codedAt = in.claim(codedLength);
        byte[] body = new byte[bodyLength];
        if (bodyLength > 0) {
            try {
                int n = zstd.decompressByteArray(body, 0, bodyLength, slice, packedAt, packedLength);
                if (n != bodyLength) {
                    throw new MalformedScreenUpdateException("body is " + n + " bytes, header says " + bodyLength);
                }
            } catch (ZstdException e) {
                throw new MalformedScreenUpdateException("body does not decompress: " + e.getMessage(), e);
            }
        }
        int photoCount = in.varint(Math.min(tiles, SliceFormat.MAX_PHOTO_TILES), "photo tiles");
        int[] photoStrip = null;
        int photoStride = 0;
        if (photoCount > 0) {
            int photoLength = in.varint();
            int photoAt = in.claim(photoLength);
            byte[] photo = new byte[photoLength];
            System.arraycopy(slice, photoAt, photo, 0, photoLength);
            int columns = Math.min(SliceFormat.PHOTO_COLUMNS, photoCount);
            int rows = (photoCount + columns - 1) / columns;
            photoStride = columns * TileGrid.TILE;
            photoStrip = new int[photoStride * rows * TileGrid.TILE];
            photos.decode(photo, photoStrip, 0, photoStride, photoStride, rows * TileGrid.TILE);
        }
        if (in.remaining() != 0) {
            throw new MalformedScreenUpdateException(in.remaining() + " bytes after the end of the update");
        }

        SliceReader opsIn = new SliceReader(body, 0, opsLength);
        SliceReader coloursIn = new SliceReader(body, opsLength, opsLength + coloursLength);
        SliceReader residualsIn = new SliceReader(body, opsLength + coloursLength, bodyLength);
        RangeDecoder indicesIn = zippedIndices ? null : new RangeDecoder(slice, codedAt, codedAt + codedLength);
        IndexModel indexModel = new IndexModel();
        SliceReader zipped = zippedIndices ? unzipIndices(slice, codedAt, codedLength, width * height) : null;
        int[] px = image.pixels();
        ScreenRect changed = ScreenRect.EMPTY;
        int photosUsed = 0;
        PendingCopies copies = pendingCopies;
        copies.clear();
        boolean copiesAllowed = true;
        for (int i = 0; i < opCount; i++) {
            int opByte = opsIn.u8();
            int kind = opByte & SliceFormat.OP_KIND_MASK;
            boolean store = (opByte & SliceFormat.OP_STORE) != 0;
            int tile = opsIn.varint(tiles - 1, "tile");
            int tx = grid.x(tile);
            int ty = grid.y(tile);
            int tw = grid.tileWidth(tile);
            int th = grid.tileHeight(tile);
            if (kind == SliceFormat.OP_COPY) {
                if (!copiesAllowed || store || !first) {
                    throw new MalformedScreenUpdateException("copy outside the start of an update");
                }
                int srcX = opsIn.varint(width - tw, "copy source x");
                int srcY = opsIn.varint(height - th, "copy source y");
                copies.add(tile, srcX, srcY);
                changed = changed.union(grid.rect(tile));
                continue;
            }
            if (copiesAllowed) {
                copies.apply();
                copiesAllowed = false;
            }
            switch (kind) {
                case SliceFormat.OP_FILL, SliceFormat.OP_PALETTE, SliceFormat.OP_LOSSLESS -> {
                    int bx = opsIn.u8();
                    int by = opsIn.u8();
                    int bw = opsIn.u8() + 1;
                    int bh = opsIn.u8() + 1;
                    if (bx + bw > tw || by + bh > th) {
                        throw new MalformedScreenUpdateException("rectangle " + bx + "," + by + " " + bw + "x" + bh
                                + " outside its " + tw + "x" + th + " tile");
                    }
                    int x0 = tx + bx;
                    int y0 = ty + by;
                    if (kind == SliceFormat.OP_FILL) {
                        int colour = rgb(coloursIn);
                        for (int y = y0; y < y0 + bh; y++) {
                            java.util.Arrays.fill(px, y * width + x0, y * width + x0 + bw, colour);
                        }
                    } else if (kind == SliceFormat.OP_PALETTE) {
                        int count = opsIn.u8() + 1;
                        if (count < 2 || count > PaletteCoder.MAX_COLOURS) {
                            throw new MalformedScreenUpdateException("palette of " + count + " colours");
                        }
                        PaletteCoder.readPalette(coloursIn, palette, count);
                        paletteLookup.lookUp(palette, count);
                        if (zipped != null) {
                            unzipRegion(zipped, indexScratch, bw, bh);
                            memory.learnRegion(indexScratch, bw, bh, palette);
                        } else {
                            indexModel.decode(indicesIn, indexScratch, bw, bh, memory.decoding(palette, paletteLookup));
                        }
                        PaletteCoder.paintRegion(indexScratch, palette, count, px, width, x0, y0, bw, bh);
                    } else {
                        LosslessCoder.decodeRegion(residualsIn, px, width, x0, y0, bw, bh);
                    }
                }
                case SliceFormat.OP_PHOTO -> {
                    if (photosUsed >= photoCount) {
                        throw new MalformedScreenUpdateException("more photo tiles than the photo holds");
                    }
                    int columns = Math.min(SliceFormat.PHOTO_COLUMNS, photoCount);
                    int cellX = (photosUsed % columns) * TileGrid.TILE;
                    int cellY = (photosUsed / columns) * TileGrid.TILE;
                    for (int y = 0; y < th; y++) {
                        System.arraycopy(photoStrip, (cellY + y) * photoStride + cellX, px, (ty + y) * width + tx, tw);
                    }
                    photosUsed++;
                }
                case SliceFormat.OP_CACHED -> {
                    int slot = opsIn.varint(TileCache.SLOTS - 1, "cache slot");
                    if (!cache.holds(slot, tw, th)) {
                        throw new MalformedScreenUpdateException("cache slot " + slot + " does not hold a "
                                + tw + "x" + th + " tile");
                    }
                    cache.load(slot, px, width, tx, ty);
                }
                default -> throw new MalformedScreenUpdateException("unknown operation " + kind);
            }
            if (store) {
                if (kind == SliceFormat.OP_CACHED || kind == SliceFormat.OP_PHOTO) {
                    throw new MalformedScreenUpdateException("operation " + kind + " cannot be stored");
                }
                cache.store(opsIn.varint(TileCache.SLOTS - 1, "cache slot"), px, width, tx, ty, tw, th);
            }
            changed = changed.union(grid.rect(tile));
        }
        copies.apply();
        if (opsIn.remaining() != 0 || coloursIn.remaining() != 0 || residualsIn.remaining() != 0
                || (zipped != null && zipped.remaining() != 0) || photosUsed != photoCount) {
            throw new MalformedScreenUpdateException("update holds data no operation uses");
        }
        return changed;
    }

    private SliceReader unzipIndices(byte[] slice, int at, int length, int limit) throws MalformedScreenUpdateException {
        long size = com.github.luben.zstd.Zstd.getFrameContentSize(slice, at, length);
        if (size <= 0 || size > limit) {
            throw new MalformedScreenUpdateException("palette indices declare " + size + " bytes");
        }
        byte[] raw = new byte[(int) size];
        try {
            int n = zstd.decompressByteArray(raw, 0, raw.length, slice, at, length);
            if (n != raw.length) {
                throw new MalformedScreenUpdateException("palette indices are " + n + " bytes, not " + size);
            }
        } catch (ZstdException e) {
            throw new MalformedScreenUpdateException("palette indices do not decompress: " + e.getMessage(), e);
        }
        return new SliceReader(raw);
    }

    /** Undoes the zip path's transform: 0 = same as the index above, else index + 1. */
    private static void unzipRegion(SliceReader zipped, byte[] out, int w, int h) throws MalformedScreenUpdateException {
        int at = zipped.claim(w * h);
        byte[] raw = zipped.array();
        for (int i = 0; i < w * h; i++) {
            int v = raw[at + i] & 0xFF;
            if (v == 0) {
                if (i < w) {
                    throw new MalformedScreenUpdateException("'same as above' in the first row of a region");
                }
                out[i] = out[i - w];
            } else {
                out[i] = (byte) (v - 1);
            }
        }
    }

    private static int rgb(SliceReader in) throws MalformedScreenUpdateException {
        return (in.u8() << 16) | (in.u8() << 8) | in.u8();
    }

    /**
     * Copies read the picture as it was before this update, so all of them are gathered first and
     * their sources read before any is written (two copies may overlap).
     */
    private final class PendingCopies {
        private int[] list = new int[48];
        private int count;
        private int[] saved = new int[0];

        void add(int tile, int srcX, int srcY) {
            if (count + 3 > list.length) {
                list = java.util.Arrays.copyOf(list, list.length * 2);
            }
            list[count++] = tile;
            list[count++] = srcX;
            list[count++] = srcY;
        }

        void clear() {
            count = 0;
        }

        void apply() {
            if (count == 0) {
                return;
            }
            int[] px = image.pixels();
            int width = image.width();
            int tilePixels = TileGrid.TILE * TileGrid.TILE;
            if (saved.length < (count / 3) * tilePixels) {
                saved = new int[(count / 3) * tilePixels];
            }
            for (int i = 0; i < count; i += 3) {
                int tile = list[i];
                int w = grid.tileWidth(tile);
                int h = grid.tileHeight(tile);
                int base = (i / 3) * tilePixels;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(px, (list[i + 2] + y) * width + list[i + 1], saved, base + y * w, w);
                }
            }
            for (int i = 0; i < count; i += 3) {
                int tile = list[i];
                int w = grid.tileWidth(tile);
                int h = grid.tileHeight(tile);
                int base = (i / 3) * tilePixels;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(saved, base + y * w, px, (grid.y(tile) + y) * width + grid.x(tile), w);
                }
            }
            count = 0;
        }
    }
}
