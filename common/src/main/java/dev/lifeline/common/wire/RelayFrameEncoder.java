package dev.lifeline.common.wire;

import dev.lifeline.common.wire.relay.RelayFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;

/** Writes a {@link RelayFrame} as a 4-byte big-endian length followed by its protobuf bytes. */
@Sharable
public final class RelayFrameEncoder extends MessageToByteEncoder<RelayFrame> {
    public static final RelayFrameEncoder INSTANCE = new RelayFrameEncoder();

    private RelayFrameEncoder() {
        super(RelayFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RelayFrame frame, ByteBuf out) throws IOException {
        int size = frame.getSerializedSize();
        if (size > WireLimits.MAX_FRAME_BYTES) {
            // Our own bug if it happens: refuse to send what every peer would reject.
            throw new EncoderException(new FrameTooLargeException(size, WireLimits.MAX_FRAME_BYTES));
        }
        out.ensureWritable(WireLimits.LENGTH_PREFIX_BYTES + size);
        out.writeInt(size);
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
            frame.writeTo(stream);
        }
    }
}
