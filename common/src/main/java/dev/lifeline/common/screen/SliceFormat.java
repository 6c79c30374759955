package dev.lifeline.common.screen;

/**
 * The byte layout of one slice (docs/screen-codec.md has the full description):
 * <pre>
 * u8 version, u8 flags, varint width, varint height, varint opCount,
 * varint opsLength, varint coloursLength, varint residualsLength,
 * varint packedLength, packed (zstd of ops ‖ colours ‖ residuals),
 * varint indicesLength, [u8 0 = range-coded | 1 = zstd], indices (every PALETTE op's, in order),
 * varint photoCount, [varint photoLength, photo (one image of all photo tiles, 8 per row)]
 * </pre>
 * Each op starts with a byte: low 7 bits the kind, top bit "store the finished tile in the cache"
 * (then the slot follows the op's own fields).
 */
final class SliceFormat {
    /** 3: the neighbourhood memory hashes with a sum of products (version 2 chained multiplies). */
    static final int VERSION = 3;

    static final int FLAG_KEYFRAME = 1;
    static final int FLAG_FIRST = 2;
    static final int FLAG_LAST = 4;

    /** Tile = previous frame's pixels at (srcX, srcY). All copies of a slice come first. */
    static final int OP_COPY = 1;
    /** Rectangle within the tile in one colour (3 bytes in colours). */
    static final int OP_FILL = 2;
    /** Rectangle with a palette: u8 colours-1 in ops, the colours, then one index byte per pixel. */
    static final int OP_PALETTE = 3;
    /** Rectangle as predicted residual planes (3 bytes per pixel). */
    static final int OP_LOSSLESS = 4;
    /** Whole tile from the next cell of the slice's photo image (lossy). */
    static final int OP_PHOTO = 5;
    /** Whole tile from a cache slot. */
    static final int OP_CACHED = 6;
    static final int OP_KIND_MASK = 0x7F;
    static final int OP_STORE = 0x80;

    /** Photo tiles per row of the slice's photo image. */
    static final int PHOTO_COLUMNS = 8;
    /** Photo tiles per slice: keeps the photo image at most 512 × 4096 pixels. */
    static final int MAX_PHOTO_TILES = 512;

    private SliceFormat() {
    }
}
