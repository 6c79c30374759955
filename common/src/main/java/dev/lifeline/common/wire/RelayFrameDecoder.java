package dev.lifeline.common.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.lifeline.common.wire.relay.RelayFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Decodes length-prefixed {@link RelayFrame}s.
 *
 * <pre>
 * +----------------------+-------------------------------------+
 * | length: uint32, BE   | body: RelayFrame protobuf, `length` |
 * +----------------------+-------------------------------------+
 * </pre>
 *
 * <p>The length is checked against the limit as soon as the 4 prefix bytes are there, before any
 * body byte is buffered, so a peer cannot make us hold more than one frame's worth of memory.
 * An oversized length throws {@link FrameTooLargeException}; a body that is not a RelayFrame with
 * exactly one body set throws {@link MalformedFrameException}. After either, the decoder stops
 * decoding: the stream can no longer be trusted to be in step, and the connection is closed by
 * the handler that reports the error.
 */
public final class RelayFrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameBytes;
    private boolean failed;

    public RelayFrameDecoder() {
        this(WireLimits.MAX_FRAME_BYTES);
    }

    public RelayFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < WireLimits.LENGTH_PREFIX_BYTES) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrameBytes) {
            fail(in);
            throw new FrameTooLargeException(length, maxFrameBytes);
        }
        if (length == 0) {
            fail(in);
            throw new MalformedFrameException("empty frame");
        }
        if (in.readableBytes() < WireLimits.LENGTH_PREFIX_BYTES + length) {
            return;
        }
        in.skipBytes(WireLimits.LENGTH_PREFIX_BYTES);
        ByteBuf body = in.readSlice((int) length);
        out.add(parse(body, in));
    }

    private RelayFrame parse(ByteBuf body, ByteBuf in) {
        RelayFrame frame;
        try {
            // nioBuffer() is a view for ordinary buffers and a copy only for composite ones.
            frame = RelayFrame.parseFrom(body.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            fail(in);
            throw new MalformedFrameException("frame is not a valid RelayFrame: " + e.getMessage(), e);
        }
        if (frame.getBodyCase() == RelayFrame.BodyCase.BODY_NOT_SET) {
            fail(in);
            throw new MalformedFrameException("frame has no known body");
        }
        return frame;
    }

    private void fail(ByteBuf in) {
        failed = true;
        in.skipBytes(in.readableBytes());
    }
}
