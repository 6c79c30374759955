package dev.lifeline.common.screen;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;

/** The byte layout of one slice; see docs/screen-codec.md. */
final class SliceFormat {
    static final int VERSION = 1;
    static final int FLAG_KEYFRAME = 1;
    static final int FLAG_FIRST = 2;
    static final int FLAG_LAST = 4;

    static final int OP_RAW = 1;

    private SliceFormat() {
    }

    static byte[] write(boolean keyframe, boolean first, boolean last, int width, int height, int opCount,
                        byte[] ops, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ops.length + data.length / 4 + 64);
        out.write(VERSION);
        out.write((keyframe ? FLAG_KEYFRAME : 0) | (first ? FLAG_FIRST : 0) | (last ? FLAG_LAST : 0));
        writeVarint(out, width);
        writeVarint(out, height);
        writeVarint(out, opCount);
        byte[] body = new byte[ops.length + data.length];
        System.arraycopy(ops, 0, body, 0, ops.length);
        System.arraycopy(data, 0, body, ops.length, data.length);
        byte[] packed = Zstd.compress(body, 3);
        writeVarint(out, ops.length);
        writeVarint(out, body.length);
        writeVarint(out, packed.length);
        out.writeBytes(packed);
        return out.toByteArray();
    }

    static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }
}
