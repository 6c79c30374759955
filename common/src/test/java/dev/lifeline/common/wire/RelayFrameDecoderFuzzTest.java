package dev.lifeline.common.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.common.wire.relay.RelayFrame;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

/**
 * Arbitrary bytes into {@link RelayFrameDecoder}: it either yields RelayFrames or throws one of
 * its typed exceptions, never anything else. Saved inputs in {@code RelayFrameDecoderFuzzTestInputs}.
 */
class RelayFrameDecoderFuzzTest {
    @FuzzTest
    void fuzzDecoder(byte[] input) {
        EmbeddedChannel ch = new EmbeddedChannel(new RelayFrameDecoder(4096));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(input));
        } catch (DecoderException e) {
            assertTrue(e instanceof FrameTooLargeException || e instanceof MalformedFrameException, e.toString());
        }
        for (Object frame; (frame = ch.readInbound()) != null; ) {
            assertTrue(frame instanceof RelayFrame);
        }
        ch.finishAndReleaseAll();
    }
}
