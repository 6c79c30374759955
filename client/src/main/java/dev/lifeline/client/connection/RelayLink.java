package dev.lifeline.client.connection;

import dev.lifeline.common.transport.ClientTls;
import dev.lifeline.common.wire.RelayFrameDecoder;
import dev.lifeline.common.wire.RelayFrameEncoder;
import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.Hello;
import dev.lifeline.common.wire.relay.Ping;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One TLS connection from an app to the relay. It says Hello, keeps the connection alive with
 * pings, and hands every frame from the relay to its listener on the session's event loop.
 */
public final class RelayLink {
    /** Pings go out when we have written nothing for this long; the relay drops silent peers after 60 s. */
    static final int PING_AFTER_SECONDS = 20;
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final long GOODBYE_TIMEOUT_MS = 3_000;

    /** Called on the link's event loop. */
    public interface Listener {
        void onFrame(RelayFrame frame);

        /** The connection is gone; {@code cause} is null for an orderly close. */
        void onClosed(Throwable cause);
    }

    private final Channel channel;

    private RelayLink(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects, completes TLS and sends Hello. The future completes on {@code loop} once TLS is up
     * and Hello is written; the relay's Welcome arrives at the listener like any frame.
     */
    public static CompletableFuture<RelayLink> connect(EventLoop loop, RelayEndpoint endpoint, Role role, Listener listener) {
        CompletableFuture<RelayLink> result = new CompletableFuture<>();
        SslContext tls;
        try {
            tls = endpoint.pinnedFingerprint() != null
                    ? ClientTls.pinned(endpoint.pinnedFingerprint())
                    : ClientTls.systemTrust();
        } catch (SSLException e) {
            result.completeExceptionally(e);
            return result;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                // TLS 1.3 to the relay, certificate pinned by fingerprint (or CA-checked).
                                .addLast("tls", tls.newHandler(ch.alloc(), endpoint.host(), endpoint.port()))
                                // A ping when we have been quiet, so the relay's idle timeout never hits a live app.
                                .addLast("idle", new IdleStateHandler(0, PING_AFTER_SECONDS, 0, TimeUnit.SECONDS))
                                .addLast("decoder", new RelayFrameDecoder(WireLimits.MAX_FRAME_BYTES))
                                .addLast("encoder", RelayFrameEncoder.INSTANCE)
                                // Per connection: it reports this connection's end exactly once.
                                .addLast("frames", new FrameHandler(listener));
                    }
                });
        bootstrap.connect(endpoint.host(), endpoint.port()).addListener(connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(connected.cause());
                return;
            }
            Channel channel = ((io.netty.channel.ChannelFuture) connected).channel();
            channel.pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
                if (!handshake.isSuccess()) {
                    result.completeExceptionally(handshake.cause());
                    channel.close();
                    return;
                }
                RelayLink link = new RelayLink(channel);
                link.send(RelayFrame.newBuilder().setHello(Hello.newBuilder()
                        .setProtocolVersion(WireLimits.PROTOCOL_VERSION)
                        .setRole(role)
                        .setAppVersion(RelayLink.class.getPackage().getImplementationVersion() == null
                                ? "dev" : RelayLink.class.getPackage().getImplementationVersion()))
                        .build());
                result.complete(link);
            });
        });
        return result;
    }

    public void send(RelayFrame frame) {
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    /** Sends a frame; the future completes once it is handed to the socket (for pacing bulk senders). */
    public CompletableFuture<Void> write(RelayFrame frame) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        channel.writeAndFlush(frame).addListener(f -> {
            if (f.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(f.cause());
            }
        });
        return written;
    }

    /**
     * Sends a last frame and lets the relay close the connection, as it does after Close and
     * errors. Closing first could reset the connection while our frame is still unread on the
     * relay's side, and a reset discards it. If the relay has not closed within
     * {@link #GOODBYE_TIMEOUT_MS}, we close. The future completes when the connection is closed.
     */
    public CompletableFuture<Void> sendAndClose(RelayFrame frame) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(f -> closed.complete(null));
        channel.writeAndFlush(frame).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close();
                return;
            }
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, GOODBYE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        });
        return closed;
    }

    public void close() {
        channel.close();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<RelayFrame> {
        private final Listener listener;
        private Throwable failure;

        FrameHandler(Listener listener) {
            this.listener = listener;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RelayFrame frame) {
            listener.onFrame(frame);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(RelayFrame.newBuilder()
                        .setPing(Ping.newBuilder().setNonce(ThreadLocalRandom.current().nextLong())).build(),
                        ctx.voidPromise());
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            listener.onClosed(failure);
        }
    }
}
