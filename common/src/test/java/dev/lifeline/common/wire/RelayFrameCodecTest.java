package dev.lifeline.common.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.Hello;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RelayFrameCodecTest {
    private static final RelayFrame HELLO = RelayFrame.newBuilder()
            .setHello(Hello.newBuilder().setProtocolVersion(1).setRole(Role.CUSTOMER).setAppVersion("0.1"))
            .build();

    @Test
    void roundTripsThroughEncoderAndDecoder() {
        EmbeddedChannel channel = new EmbeddedChannel(new RelayFrameDecoder(), RelayFrameEncoder.INSTANCE);
        channel.writeOutbound(HELLO);
        ByteBuf wire = channel.readOutbound();
        channel.writeInbound(wire);
        assertEquals(HELLO, channel.readInbound());
        assertFalse(channel.finish());
    }

    /** Golden bytes: a change to the wire format shows up here as a visible diff. */
    @Test
    void helloHasAStableWireForm() {
        EmbeddedChannel channel = new EmbeddedChannel(RelayFrameEncoder.INSTANCE);
        channel.writeOutbound(HELLO);
        ByteBuf wire = channel.readOutbound();
        byte[] bytes = new byte[wire.readableBytes()];
        wire.readBytes(bytes);
        wire.release();
        assertEquals("0000000b0a0908011001 1a03302e31".replace(" ", ""), HexFormat.of().formatHex(bytes));
        assertFalse(channel.finish());
    }

    @Test
    void reassemblesFramesSplitAcrossReads() {
        EmbeddedChannel encoder = new EmbeddedChannel(RelayFrameEncoder.INSTANCE);
        RelayFrame data = RelayFrame.newBuilder()
                .setData(Data.newBuilder().setSeq(7).setPayload(ByteString.copyFrom(new byte[5000])))
                .build();
        encoder.writeOutbound(data, HELLO);
        ByteBuf all = Unpooled.buffer();
        for (Object part; (part = encoder.readOutbound()) != null; ) {
            all.writeBytes((ByteBuf) part);
            ((ByteBuf) part).release();
        }
        EmbeddedChannel decoder = new EmbeddedChannel(new RelayFrameDecoder());
        while (all.isReadable()) {
            decoder.writeInbound(all.readRetainedSlice(Math.min(777, all.readableBytes())));
        }
        all.release();
        assertEquals(data, decoder.readInbound());
        assertEquals(HELLO, decoder.readInbound());
        assertFalse(decoder.finish());
    }

    @Test
    void oversizedLengthIsRefusedBeforeTheBodyArrives() {
        EmbeddedChannel channel = new EmbeddedChannel(new RelayFrameDecoder(1024));
        ByteBuf prefixOnly = Unpooled.buffer().writeInt(1025);
        // Typed DecoderException subclasses reach exceptionCaught as they are, not wrapped.
        FrameTooLargeException tooLarge = assertThrows(FrameTooLargeException.class, () -> channel.writeInbound(prefixOnly));
        assertEquals(1025, tooLarge.announcedBytes());
        assertNull(channel.readInbound());
        // Whatever follows is discarded: the stream is out of step for good.
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 8}));
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void negativeLookingLengthIsTooLargeNotNegative() {
        EmbeddedChannel channel = new EmbeddedChannel(new RelayFrameDecoder());
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})));
        assertEquals(0xffffffffL, e.announcedBytes());
        assertFalse(channel.finish());
    }

    @Test
    void garbageBodyIsMalformed() {
        EmbeddedChannel channel = new EmbeddedChannel(new RelayFrameDecoder());
        ByteBuf garbage = Unpooled.buffer().writeInt(3).writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertThrows(MalformedFrameException.class, () -> channel.writeInbound(garbage));
        assertFalse(channel.finish());
    }

    @Test
    void emptyOrUnknownBodyIsMalformed() {
        EmbeddedChannel empty = new EmbeddedChannel(new RelayFrameDecoder());
        assertThrows(MalformedFrameException.class, () -> empty.writeInbound(Unpooled.buffer().writeInt(0)));
        // Field 99 (unknown to this version) only: parses, but carries no body we know.
        EmbeddedChannel unknown = new EmbeddedChannel(new RelayFrameDecoder());
        ByteBuf frame = Unpooled.buffer().writeInt(3).writeBytes(new byte[] {(byte) 0x98, 0x06, 0x01});
        assertThrows(MalformedFrameException.class, () -> unknown.writeInbound(frame));
        assertFalse(empty.finish());
        assertFalse(unknown.finish());
    }
}
