package dev.lifeline.common.screen;

import com.github.luben.zstd.ZstdCompressCtx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns successive frames into updates against what the viewer already holds: only changed tiles,
 * moved content as copies, content seen before from the tile cache, and each remaining tile coded
 * by what it shows — one colour, a palette (text, UI), or many colours (lossless residuals, or
 * JPEG in Auto and Fast). One encoder per viewer; not thread-safe.
 */
public final class ScreenEncoder {
    /** Leaves room under the relay's 1 MiB frame cap for the seal and the envelope. */
    public static final int DEFAULT_MAX_SLICE_BYTES = 960 * 1024;
    /** Auto: a tile sent as JPEG is resent lossless once it has not changed for this many encodes. */
    static final int REFINE_AFTER_ENCODES = 6;
    /** Auto: a tile that changed again within this many encodes is moving and may go as JPEG. */
    static final int MOVING_WITHIN_ENCODES = 2;
    /** Lossless refinements per update, so that sharpening never floods the link. */
    static final int MAX_REFINEMENTS_PER_UPDATE = 64;
    /** Big updates get zstd's fast level; small ones (most of them) a stronger one at little cost. */
    private static final int ZSTD_LEVEL_BIG = 3;
    private static final int ZSTD_LEVEL_SMALL = 6;
    private static final int SMALL_BODY_BYTES = 128 * 1024;
    /**
     * A large update is cut into about this many bands (slices sent while the next is coded);
     * small ones stay one slice, since each slice restarts the compressors' statistics. Eight
     * rather than four: the viewer starts sooner and its last band is shorter, for +0.6 % bytes on
     * the browser corpus in Auto (none in Sharp); more would crowd the relay's message rate.
     */
    static final int MAX_BANDS = 8;
    static final int MIN_BAND_PIXELS = 128 * 1024;

    private final PhotoCodec photos;
    private final int maxSliceBytes;
    private final ZstdCompressCtx zstd = new ZstdCompressCtx();
    private final PaletteCoder palette = new PaletteCoder();
    private final TileCacheIndex cache = new TileCacheIndex();
    private boolean keyframeRequested = true;

    private TileGrid grid;
    /** The last frame as the encoder saw it; what the viewer holds, except where {@link #lossy}. */
    private int[] previous;
    private ScrollDetector scroll;
    /** Tiles the viewer holds only approximately (JPEG, reduced colour, or copied from such). */
    private boolean[] lossy;
    private long[] lastChanged;
    private long encodes;

    // One update's output, op by op: where each op's bytes end in each section.
    private final ByteSink ops = new ByteSink(4096);
    private final ByteSink colours = new ByteSink(4096);
    private final ByteSink indices = new ByteSink(1 << 16);
    /** Per palette pixel, the index its neighbourhood predicts (parallel to {@link #indices}). */
    private final ByteSink predictions = new ByteSink(1 << 16);
    private final NeighbourhoodMemory memory = new NeighbourhoodMemory();
    private final ByteSink residuals = new ByteSink(1 << 16);
    private int opCount;
    private int copyCount;
    private int cachedTiles;
    private int pendingIndexWidth;
    /** Which palette index coder won the last update: tried first next time. */
    private boolean zipFirst;
    private int[] opsEnd = new int[64];
    private int[] coloursEnd = new int[64];
    private int[] indicesEnd = new int[64];
    private int[] residualsEnd = new int[64];
    private int[] photosEnd = new int[64];
    /** Row width of each op's palette indices, 0 for ops without any. */
    private int[] indexWidth = new int[64];
    private final List<Integer> photoTiles = new ArrayList<>();
    private final int[] quantized = new int[TileGrid.TILE * TileGrid.TILE];

    public ScreenEncoder(PhotoCodec photos) {
        this(photos, DEFAULT_MAX_SLICE_BYTES);
    }

    public ScreenEncoder(PhotoCodec photos, int maxSliceBytes) {
        if (maxSliceBytes < 64 * 1024) {
            throw new IllegalArgumentException("slices under 64 KiB cannot hold a tile");
        }
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

    public EncodedUpdate encode(ScreenImage frame, Quality quality, boolean congested) {
        return encode(frame, quality, congested, SliceSink.NONE);
    }

    /**
     * Encodes what changed since the last call; {@link EncodedUpdate#NONE} when nothing did.
     * A large update is coded in horizontal bands, and each band's slice goes to {@code sink} as
     * soon as it is written, so the viewer can decode the top of the screen while the encoder
     * still codes the bottom.
     *
     * @param congested the link cannot keep up: Fast then also reduces colours
     * @param sink      receives every slice of the update in order, while encoding goes on
     */
    public EncodedUpdate encode(ScreenImage frame, Quality quality, boolean congested, SliceSink sink) {
        encodes++;
        int[] cur = frame.pixels();
        boolean keyframe = keyframeRequested || grid == null || frame.width() != grid.width
                || frame.height() != grid.height;
        if (keyframe) {
            grid = new TileGrid(frame.width(), frame.height());
            previous = new int[cur.length];
            lossy = new boolean[grid.count()];
            lastChanged = new long[grid.count()];
            cache.clear();
            memory.clear();
            scroll = null;
        }
        startUpdate();

        int[] dirty = new int[grid.count()];
        int[] boxes = new int[grid.count()];
        int dirtyCount = keyframe ? allTiles(dirty, boxes) : changedTiles(cur, dirty, boxes);
        int[] refine = keyframe ? new int[0] : tilesToRefine(quality, dirtyCount == 0 ? null : dirty, dirtyCount);
        if (dirtyCount == 0 && refine.length == 0) {
            return EncodedUpdate.NONE;
        }

        boolean[] done = new boolean[dirtyCount];
        if (scroll != null && dirtyCount > 0) {
            int[] offsets = scroll.candidates(cur, dirty, dirtyCount);
            for (int i = 0; i < dirtyCount && offsets.length > 0; i++) {
                done[i] = tryCopy(dirty[i], cur, offsets);
            }
        }
        copyCount = opCount;
        ScreenRect changed = ScreenRect.EMPTY;
        for (int i = 0; i < dirtyCount; i++) {
            changed = changed.union(grid.rect(dirty[i]));
        }
        for (int t : refine) {
            changed = changed.union(grid.rect(t));
        }

        // Changed tiles (the copied ones are done) and refinements, merged in screen order, cut
        // into bands at tile-row boundaries once a band holds enough pixels.
        int bandPixels = Math.max(MIN_BAND_PIXELS, grid.width * grid.height / MAX_BANDS);
        List<byte[]> slices = new ArrayList<>();
        int bandStart = 0;
        long bandArea = 0;
        int bandRow = -1;
        int d = 0;
        int r = 0;
        while (true) {
            while (d < dirtyCount && done[d]) {
                d++;
            }
            boolean fromDirty = d < dirtyCount && (r >= refine.length || dirty[d] < refine[r]);
            if (!fromDirty && r >= refine.length) {
                break;
            }
            int t = fromDirty ? dirty[d] : refine[r];
            if (bandArea >= bandPixels && t / grid.columns != bandRow) {
                writeSlices(bandStart, opCount, false, keyframe, cur, quality, congested, slices, sink);
                bandStart = opCount;
                bandArea = 0;
            }
            bandRow = t / grid.columns;
            if (fromDirty) {
                codeTile(t, boxes[d], cur, quality, congested, keyframe);
                d++;
            } else {
                codeTile(t, fullBox(t), cur, Quality.SHARP, false, false);
                r++;
            }
            bandArea += (long) grid.tileWidth(t) * grid.tileHeight(t);
        }
        writeSlices(bandStart, opCount, true, keyframe, cur, quality, congested, slices, sink);

        // The viewer has its picture; now bring the encoder's copy of it up to date.
        for (int i = 0; i < dirtyCount; i++) {
            // A keyframe repaints everything but is not motion: it must not make tiles look moving.
            lastChanged[dirty[i]] = keyframe ? encodes - MOVING_WITHIN_ENCODES - 1 : encodes;
            copyTile(cur, previous, dirty[i]);
        }
        if (keyframe) {
            scroll = new ScrollDetector(grid, cur);
        } else {
            scroll.commit(cur, dirty, boxes, dirtyCount);
        }
        keyframeRequested = false;
        return new EncodedUpdate(slices, keyframe, changed, copyCount, cachedTiles);
    }

    // --- change detection ---------------------------------------------------------------

    /** Box within the tile packed as x0 | y0 << 8 | (w-1) << 16 | (h-1) << 24. */
    private static int box(int x0, int y0, int w, int h) {
        return x0 | y0 << 8 | (w - 1) << 16 | (h - 1) << 24;
    }

    private int fullBox(int t) {
        return box(0, 0, grid.tileWidth(t), grid.tileHeight(t));
    }

    private int allTiles(int[] dirty, int[] boxes) {
        for (int t = 0; t < grid.count(); t++) {
            dirty[t] = t;
            boxes[t] = fullBox(t);
        }
        return grid.count();
    }

    /**
     * Finds the changed tiles and, for each, the smallest box holding its changed pixels. Compares
     * whole rows first (one vectorised mismatch per unchanged row), and looks closer only where a
     * row differs. Returns the count; tiles in {@code dirty} in ascending order.
     */
    private int changedTiles(int[] cur, int[] dirty, int[] boxes) {
        int columns = grid.columns;
        int width = grid.width;
        int tile = TileGrid.TILE;
        int[] top = new int[grid.count()];
        int[] bottom = new int[grid.count()];
        int[] left = new int[grid.count()];
        int[] right = new int[grid.count()];
        Arrays.fill(top, -1);
        for (int y = 0; y < grid.height; y++) {
            int row = y * width;
            int rowEnd = row + width;
            int tileRow = y / tile;
            int x = 0;
            while (x < width) {
                int m = Arrays.mismatch(cur, row + x, rowEnd, previous, row + x, rowEnd);
                if (m < 0) {
                    break;
                }
                x += m;
                int column = x / tile;
                int columnEnd = Math.min(width, (column + 1) * tile);
                int last = columnEnd - 1;
                while (last > x && cur[row + last] == previous[row + last]) {
                    last--;
                }
                int t = tileRow * columns + column;
                int inX = x - column * tile;
                int inLast = last - column * tile;
                int inY = y - tileRow * tile;
                if (top[t] < 0) {
                    top[t] = inY;
                    left[t] = inX;
                    right[t] = inLast;
                } else {
                    left[t] = Math.min(left[t], inX);
                    right[t] = Math.max(right[t], inLast);
                }
                bottom[t] = inY;
                x = columnEnd;
            }
        }
        int count = 0;
        for (int t = 0; t < grid.count(); t++) {
            if (top[t] >= 0) {
                dirty[count] = t;
                boxes[count++] = box(left[t], top[t], right[t] - left[t] + 1, bottom[t] - top[t] + 1);
            }
        }
        return count;
    }

    /** Lossy tiles to resend lossless: at once in Sharp, after a quiet spell in Auto, never in Fast. */
    private int[] tilesToRefine(Quality quality, int[] dirty, int dirtyCount) {
        if (quality == Quality.FAST) {
            return new int[0];
        }
        boolean[] isDirty = new boolean[grid.count()];
        for (int i = 0; i < dirtyCount; i++) {
            isDirty[dirty[i]] = true;
        }
        int[] picked = new int[MAX_REFINEMENTS_PER_UPDATE];
        int n = 0;
        for (int t = 0; t < grid.count() && n < picked.length; t++) {
            if (lossy[t] && !isDirty[t]
                    && (quality == Quality.SHARP || encodes - lastChanged[t] >= REFINE_AFTER_ENCODES)) {
                picked[n++] = t;
            }
        }
        return Arrays.copyOf(picked, n);
    }

    // --- copies ---------------------------------------------------------------------------

    private boolean tryCopy(int t, int[] cur, int[] offsets) {
        int x0 = grid.x(t);
        int y0 = grid.y(t);
        int w = grid.tileWidth(t);
        int h = grid.tileHeight(t);
        for (int dy : offsets) {
            int srcY = y0 + dy;
            if (srcY < 0 || srcY + h > grid.height || !sameRegion(cur, y0, previous, srcY, x0, w, h)) {
                continue;
            }
            ops.write(SliceFormat.OP_COPY);
            ops.writeVarint(t);
            ops.writeVarint(x0);
            ops.writeVarint(srcY);
            lossy[t] = anyLossy(x0, srcY, h);
            endOp();
            return true;
        }
        return false;
    }

    private boolean sameRegion(int[] a, int ay, int[] b, int by, int x0, int w, int h) {
        int stride = grid.width;
        for (int y = 0; y < h; y++) {
            int fa = (ay + y) * stride + x0;
            int fb = (by + y) * stride + x0;
            if (Arrays.mismatch(a, fa, fa + w, b, fb, fb + w) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether any tile overlapping rows [y, y + h) of the column at x is held lossy by the viewer. */
    private boolean anyLossy(int x, int y, int h) {
        int column = x / TileGrid.TILE;
        for (int row = y / TileGrid.TILE; row <= (y + h - 1) / TileGrid.TILE; row++) {
            if (lossy[row * grid.columns + column]) {
                return true;
            }
        }
        return false;
    }

    // --- tile coding ----------------------------------------------------------------------

    private void codeTile(int t, int box, int[] cur, Quality quality, boolean congested, boolean keyframe) {
        int stride = grid.width;
        int tx = grid.x(t);
        int ty = grid.y(t);
        int tw = grid.tileWidth(t);
        int th = grid.tileHeight(t);
        long hash = TileCacheIndex.hash(cur, stride, tx, ty, tw, th);
        int slot = cache.find(hash, cur, stride, tx, ty, tw, th);
        if (slot >= 0) {
            cachedTiles++;
            ops.write(SliceFormat.OP_CACHED);
            ops.writeVarint(t);
            ops.writeVarint(slot);
            lossy[t] = false;
            endOp();
            return;
        }
        int bx = box & 0xFF;
        int by = (box >>> 8) & 0xFF;
        int bw = ((box >>> 16) & 0xFF) + 1;
        int bh = (box >>> 24) + 1;
        boolean wholeTile = bw == tw && bh == th;
        // Fewer colours when Fast is congested: a lossy but cheap picture beats a late one.
        boolean reduce = quality == Quality.FAST && congested;
        int[] src = cur;
        int srcStride = stride;
        int sx = tx + bx;
        int sy = ty + by;
        if (reduce) {
            for (int y = 0; y < bh; y++) {
                int from = (sy + y) * stride + sx;
                for (int x = 0; x < bw; x++) {
                    quantized[y * bw + x] = cur[from + x] & 0xF8FCF8;
                }
            }
            src = quantized;
            srcStride = bw;
            sx = 0;
            sy = 0;
        }
        int colourCount = palette.indexRegion(src, srcStride, sx, sy, bw, bh, indices);
        boolean exact;
        int kind;
        if (colourCount == 1) {
            indices.advance(-bw * bh);
            colours.writeRgb(palette.palette[0]);
            kind = SliceFormat.OP_FILL;
            exact = !reduce;
        } else if (colourCount > 0) {
            palette.writePalette(colourCount, indices, bw, bh, colours);
            predict(bw, bh);
            pendingIndexWidth = bw;
            kind = SliceFormat.OP_PALETTE;
            exact = !reduce;
        } else if (photos != PhotoCodec.NONE && lossyWanted(t, quality, congested, keyframe)) {
            kind = SliceFormat.OP_PHOTO;
            photoTiles.add(t);
            exact = false;
        } else {
            LosslessCoder.encodeRegion(src, srcStride, sx, sy, bw, bh, residuals);
            kind = SliceFormat.OP_LOSSLESS;
            exact = !reduce;
        }
        // A partial update leaves the rest of a lossy tile as it was: still lossy.
        boolean tileExact = exact && (wholeTile || !lossy[t]);
        lossy[t] = !tileExact;
        boolean store = tileExact && kind != SliceFormat.OP_FILL;
        ops.write(kind | (store ? SliceFormat.OP_STORE : 0));
        ops.writeVarint(t);
        if (kind != SliceFormat.OP_PHOTO) {
            ops.write(bx);
            ops.write(by);
            ops.write(bw - 1);
            ops.write(bh - 1);
        }
        if (kind == SliceFormat.OP_PALETTE) {
            ops.write(colourCount - 1);
        }
        if (store) {
            ops.writeVarint(cache.add(hash, cur, stride, tx, ty, tw, th));
        }
        endOp();
    }

    /**
     * Runs the neighbourhood memory over the palette region just indexed, as the decoder will:
     * each pixel's prediction, then what it was.
     */
    private void predict(int w, int h) {
        int n = w * h;
        predictions.ensure(n);
        memory.predictRegion(indices.array(), indices.size() - n, w, h, palette.palette, palette,
                predictions.array(), predictions.size());
        predictions.advance(n);
    }

    /**
     * Whether a many-colour tile goes out as JPEG. Fast: always. Auto: when it is moving (changed
     * in one of the last encodes: video, animation, a scroll in progress), in a keyframe (a fast
     * first picture, sharpened while the screen is still), or when the link is congested. A photo
     * that appears later and was still before goes lossless at once, rather than as JPEG and then
     * again lossless when it is sharpened.
     */
    private boolean lossyWanted(int t, Quality quality, boolean congested, boolean keyframe) {
        if (quality == Quality.SHARP) {
            return false;
        }
        if (quality == Quality.FAST || congested) {
            return true;
        }
        return keyframe || encodes - lastChanged[t] <= MOVING_WITHIN_ENCODES;
    }

    private void copyTile(int[] from, int[] to, int t) {
        int stride = grid.width;
        int x0 = grid.x(t);
        int w = grid.tileWidth(t);
        int y0 = grid.y(t);
        for (int y = y0; y < y0 + grid.tileHeight(t); y++) {
            System.arraycopy(from, y * stride + x0, to, y * stride + x0, w);
        }
    }

    // --- output ---------------------------------------------------------------------------

    private void startUpdate() {
        ops.reset();
        colours.reset();
        indices.reset();
        predictions.reset();
        residuals.reset();
        photoTiles.clear();
        opCount = 0;
        copyCount = 0;
        cachedTiles = 0;
    }

    private void endOp() {
        if (opCount == opsEnd.length) {
            int n = opCount * 2;
            opsEnd = Arrays.copyOf(opsEnd, n);
            coloursEnd = Arrays.copyOf(coloursEnd, n);
            indicesEnd = Arrays.copyOf(indicesEnd, n);
            residualsEnd = Arrays.copyOf(residualsEnd, n);
            photosEnd = Arrays.copyOf(photosEnd, n);
            indexWidth = Arrays.copyOf(indexWidth, n);
        }
        opsEnd[opCount] = ops.size();
        coloursEnd[opCount] = colours.size();
        indicesEnd[opCount] = indices.size();
        residualsEnd[opCount] = residuals.size();
        photosEnd[opCount] = photoTiles.size();
        indexWidth[opCount] = pendingIndexWidth;
        pendingIndexWidth = 0;
        opCount++;
    }

    /**
     * Writes ops [from, to) as one slice, or splits them (never inside the leading copies) when too
     * big, and hands each to the sink. {@code lastBand}: the update ends with op {@code to}.
     */
    private void writeSlices(int from, int to, boolean lastBand, boolean keyframe, int[] cur, Quality quality,
                             boolean congested, List<byte[]> out, SliceSink sink) {
        // Copies read the picture as it was before the update, so they all go in the first slice.
        int mid = Math.max((from + to) / 2, copyCount);
        boolean canSplit = mid > from && mid < to;
        if (canSplit && start(photosEnd, from, to) > SliceFormat.MAX_PHOTO_TILES) {
            writeSlices(from, mid, false, keyframe, cur, quality, congested, out, sink);
            writeSlices(mid, to, lastBand, keyframe, cur, quality, congested, out, sink);
            return;
        }
        boolean first = from == 0;
        boolean last = lastBand && to == opCount;
        byte[] slice = slice(from, to, keyframe, first, last, cur, quality, congested);
        if (slice.length > maxSliceBytes) {
            if (!canSplit) {
                throw new IllegalStateException("cannot fit an update into slices of " + maxSliceBytes + " bytes");
            }
            writeSlices(from, mid, false, keyframe, cur, quality, congested, out, sink);
            writeSlices(mid, to, lastBand, keyframe, cur, quality, congested, out, sink);
            return;
        }
        out.add(slice);
        sink.slice(slice, keyframe, first, last);
    }

    /** Number of items of a section that ops [from, to) use: end[to-1] - end[from-1]. */
    private static int start(int[] ends, int from, int to) {
        return ends[to - 1] - (from == 0 ? 0 : ends[from - 1]);
    }

    private static int begin(int[] ends, int from) {
        return from == 0 ? 0 : ends[from - 1];
    }

    private byte[] slice(int from, int to, boolean keyframe, boolean first, boolean last, int[] cur,
                         Quality quality, boolean congested) {
        int opsLen = start(opsEnd, from, to);
        int coloursLen = start(coloursEnd, from, to);
        int residualsLen = start(residualsEnd, from, to);
        byte[] body = new byte[opsLen + coloursLen + residualsLen];
        int at = 0;
        System.arraycopy(ops.array(), begin(opsEnd, from), body, at, opsLen);
        at += opsLen;
        System.arraycopy(colours.array(), begin(coloursEnd, from), body, at, coloursLen);
        at += coloursLen;
        System.arraycopy(residuals.array(), begin(residualsEnd, from), body, at, residualsLen);
        zstd.setLevel(body.length < SMALL_BODY_BYTES ? ZSTD_LEVEL_SMALL : ZSTD_LEVEL_BIG);
        byte[] packed = zstd.compress(body);
        // The range coder wins wherever pixels follow their neighbours (UI, flat shading); text
        // whose glyphs repeat exactly does better with zstd. Each update starts with the coder that
        // won last time and tries the other only when the first did poorly, so most updates pay for
        // one of them.
        int indexedPixels = start(indicesEnd, from, to);
        byte[] coded;
        boolean useZip;
        if (!zipFirst) {
            coded = codeIndices(from, to);
            useZip = false;
            if (coded.length * 8L > indexedPixels * 3L / 4) {
                byte[] zipped = zipIndices(from, to);
                if (zipped.length + 1 < coded.length) {
                    coded = zipped;
                    useZip = true;
                }
            }
        } else {
            coded = zipIndices(from, to);
            useZip = true;
            if (coded.length * 8L > indexedPixels * 3L / 2) {
                byte[] ranged = codeIndices(from, to);
                if (ranged.length <= coded.length) {
                    coded = ranged;
                    useZip = false;
                }
            }
        }
        if (indexedPixels > 0) {
            zipFirst = useZip;
        }

        ByteSink out = new ByteSink(packed.length + coded.length + 64);
        out.write(SliceFormat.VERSION);
        out.write((keyframe ? SliceFormat.FLAG_KEYFRAME : 0) | (first ? SliceFormat.FLAG_FIRST : 0)
                | (last ? SliceFormat.FLAG_LAST : 0));
        out.writeVarint(grid.width);
        out.writeVarint(grid.height);
        out.writeVarint(to - from);
        out.writeVarint(opsLen);
        out.writeVarint(coloursLen);
        out.writeVarint(residualsLen);
        out.writeVarint(packed.length);
        out.write(packed, 0, packed.length);
        out.writeVarint(coded.length);
        if (coded.length > 0) {
            out.write(useZip ? 1 : 0);
        }
        out.write(coded, 0, coded.length);
        int photoFrom = begin(photosEnd, from);
        int photoCount = start(photosEnd, from, to);
        out.writeVarint(photoCount);
        if (photoCount > 0) {
            byte[] photo = photoImage(photoFrom, photoCount, cur, quality, congested);
            out.writeVarint(photo.length);
            out.write(photo, 0, photo.length);
        }
        return out.toByteArray();
    }

    /**
     * The palette indices of ops [from, to) the other way: rows below the first as 0 when equal to
     * the index above, else index + 1, then zstd. Wins over the range coder on text whose glyphs
     * repeat exactly (terminals), which a dictionary coder finds and a pixel context does not.
     */
    private byte[] zipIndices(int from, int to) {
        int total = start(indicesEnd, from, to);
        if (total == 0) {
            return new byte[0];
        }
        byte[] raw = new byte[total];
        int at = 0;
        byte[] a = indices.array();
        for (int op = from; op < to; op++) {
            int w = indexWidth[op];
            if (w == 0) {
                continue;
            }
            int start = begin(indicesEnd, op);
            int n = indicesEnd[op] - start;
            for (int i = 0; i < n; i++) {
                int v = a[start + i] & 0xFF;
                raw[at + i] = i >= w && v == (a[start + i - w] & 0xFF) ? 0 : (byte) (v + 1);
            }
            at += n;
        }
        zstd.setLevel(total < SMALL_BODY_BYTES ? ZSTD_LEVEL_SMALL : ZSTD_LEVEL_BIG);
        return zstd.compress(raw);
    }

    /** The palette indices of ops [from, to), range-coded with a fresh model. */
    private byte[] codeIndices(int from, int to) {
        ByteSink coded = new ByteSink(1024);
        RangeEncoder rc = null;
        IndexModel model = null;
        for (int op = from; op < to; op++) {
            int w = indexWidth[op];
            if (w == 0) {
                continue;
            }
            if (rc == null) {
                rc = new RangeEncoder(coded);
                model = new IndexModel();
            }
            int start = begin(indicesEnd, op);
            model.encode(indices.array(), start, w, (indicesEnd[op] - start) / w, predictions.array(), start, rc);
        }
        if (rc != null) {
            rc.finish();
        }
        return coded.toByteArray();
    }

    /** JPEG quality: Auto keeps photos close to the original, Fast trades detail for speed. */
    private static int photoQuality(Quality quality, boolean congested) {
        if (quality == Quality.FAST) {
            return congested ? 40 : 60;
        }
        return congested ? 70 : 85;
    }

    private byte[] photoImage(int photoFrom, int photoCount, int[] cur, Quality quality, boolean congested) {
        int columns = Math.min(SliceFormat.PHOTO_COLUMNS, photoCount);
        int rows = (photoCount + columns - 1) / columns;
        int tile = TileGrid.TILE;
        int stripWidth = columns * tile;
        int[] strip = new int[stripWidth * rows * tile];
        for (int i = 0; i < photoCount; i++) {
            int t = photoTiles.get(photoFrom + i);
            int cellX = (i % columns) * tile;
            int cellY = (i / columns) * tile;
            int x0 = grid.x(t);
            int y0 = grid.y(t);
            int w = grid.tileWidth(t);
            int h = grid.tileHeight(t);
            // Edge tiles are padded by repeating their last column and row, so JPEG blocks do not
            // blur a hard edge into the picture.
            for (int y = 0; y < tile; y++) {
                int srcRow = (y0 + Math.min(y, h - 1)) * grid.width + x0;
                int dstRow = (cellY + y) * stripWidth + cellX;
                System.arraycopy(cur, srcRow, strip, dstRow, w);
                if (w < tile) {
                    Arrays.fill(strip, dstRow + w, dstRow + tile, cur[srcRow + w - 1]);
                }
            }
        }
        return photos.encode(strip, 0, stripWidth, stripWidth, rows * tile, photoQuality(quality, congested));
    }
}
