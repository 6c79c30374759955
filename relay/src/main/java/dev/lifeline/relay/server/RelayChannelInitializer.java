package dev.lifeline.relay.server;

import dev.lifeline.common.wire.RelayFrameDecoder;
import dev.lifeline.common.wire.RelayFrameEncoder;
import dev.lifeline.relay.limits.ConnectionGuard;
import dev.lifeline.relay.limits.FrameRateLimiter;
import dev.lifeline.relay.pairing.Lobby;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The relay's one pipeline, in order. AUTO_READ is on only during the TLS handshake; the lobby
 * turns it off when the handshake completes, and from then on the business handler asks for each
 * next frame.
 */
final class RelayChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final SslContext sslContext;
    private final RelayConfig config;
    private final Lobby lobby;
    private final Consumer<Channel> tracker;

    RelayChannelInitializer(SslContext sslContext, RelayConfig config, Lobby lobby, Consumer<Channel> tracker) {
        this.sslContext = sslContext;
        this.config = config;
        this.lobby = lobby;
        this.tracker = tracker;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        tracker.accept(channel); // connection count and the group closed at shutdown
        ChannelPipeline p = channel.pipeline();
        // TLS 1.3 only (the context allows nothing else); per channel, it holds the session state.
        p.addLast("tls", sslContext.newHandler(channel.alloc()));
        // Reader idle: no byte for the idle timeout -> IdleStateEvent -> IDLE_TIMEOUT (guard). Per channel (timer).
        p.addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        // Length-prefixed protobuf frames; oversized or malformed throws typed exceptions. Per channel (buffer).
        p.addLast("frameDecoder", new RelayFrameDecoder(config.maxFrameBytes()));
        // Stateless: one shared encoder.
        p.addLast("frameEncoder", RelayFrameEncoder.INSTANCE);
        // No FlowControlHandler: under TLS with AUTO_READ off it lost a requested read when a record
        // arrived split across reads, stalling a paired technician (SessionOverRelayTest). Reads are
        // still requested only after the peer write completes, so at most one socket read's frames
        // are in flight per connection.
        // Frames per second per connection. Per channel (its token bucket).
        p.addLast("rateLimit", new FrameRateLimiter(config.maxFramesPerSecond(), config.frameBurst(), config.clock()));
        // Hello / OpenSession / Join / Resume; replaces itself with the forwarding handler when paired.
        // Per channel (the connection's phase and role).
        p.addLast("lobby", lobby.newHandler());
        // Last: idle events, decoder and unexpected errors become typed RelayErrors. Stateless, shared.
        p.addLast("guard", ConnectionGuard.INSTANCE);
    }
}
