package dev.lifeline.relay.pairing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeline.common.wire.relay.Welcome;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;

/**
 * Arbitrary bytes into the relay pipeline (decoder, flow control, lobby, guard): whatever comes in,
 * nothing may escape the pipeline unhandled and nothing may leak. In a normal test run the saved
 * inputs under {@code LobbyFuzzTestInputs/fuzzLobby/} are replayed.
 */
class LobbyFuzzTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @FuzzTest
    void fuzzLobby(byte[] input) throws Exception {
        Lobby lobby = new Lobby(new NameplateRegistry(CLOCK, Duration.ofMinutes(10), 1000),
                new KeyedRateLimiter<>(100, 100, CLOCK), new KeyedRateLimiter<>(100, 100, CLOCK),
                new SessionTable(Duration.ofSeconds(60)),
                Welcome.newBuilder().setProtocolVersion(1).setMaxFrameBytes(4096).build(),
                () -> false, ForwardedFrameListener.NONE);
        EmbeddedChannel ch = LobbyHandlerTest.channel(lobby);
        // Feed in a few chunks, as TCP would.
        int chunk = Math.max(1, input.length / 3);
        for (int i = 0; i < input.length && ch.isOpen(); i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
            ch.runPendingTasks();
        }
        ch.checkException(); // throws whatever reached the tail unhandled
        ch.close();
        for (Object out; (out = ch.readOutbound()) != null; ) {
            ((ByteBuf) out).release();
        }
        assertFalse(ch.finish());
    }
}
