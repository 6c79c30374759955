package dev.lifeline.relay.frames;

import dev.lifeline.common.wire.Frames;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Pong;
import dev.lifeline.common.wire.relay.RelayFrame;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.TimeUnit;

/** The frames the relay itself sends, and the one way it ends a connection after an error. */
public final class Replies {
    private Replies() {
    }

    /**
     * Sends a fatal {@code RelayError} and closes the connection once it is written. Reads stop
     * here: nothing after a fatal error is handled.
     */
    public static void fatal(ChannelHandlerContext ctx, ErrorCode code, String message) {
        fatal(ctx.channel(), code, message);
    }

    public static void fatal(Channel channel, ErrorCode code, String message) {
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(Frames.error(code, message, true)).addListener(CLOSE_AFTER_WRITE);
    }

    /** How long a half-closed connection may linger so the peer can read our last frame. */
    static final long LINGER_MILLIS = 1000;

    /**
     * Closes after the last frame is written without losing it: a TCP close while the peer's
     * unread frames sit in our receive buffer (we stopped reading) sends RST, and the peer's stack
     * may then drop our last frame unread. So: send FIN first (shutdown output), close a moment
     * later. Channels that are not sockets (tests) close at once.
     */
    private static final ChannelFutureListener CLOSE_AFTER_WRITE = future -> {
        Channel channel = future.channel();
        if (channel instanceof SocketChannel socket && future.isSuccess() && socket.isActive()) {
            socket.shutdownOutput().addListener(f -> socket.eventLoop()
                    .schedule(() -> socket.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS));
        } else {
            channel.close();
        }
    };

    /** Sends a non-fatal {@code RelayError}; the caller decides when to read on. */
    public static RelayFrame error(ErrorCode code, String message) {
        return Frames.error(code, message, false);
    }

    public static RelayFrame close(CloseReason reason, String detail) {
        return RelayFrame.newBuilder().setClose(Close.newBuilder().setReason(reason).setDetail(detail)).build();
    }

    /** Sends {@code frame} and closes the connection once it is written. */
    public static void sendAndClose(Channel channel, RelayFrame frame) {
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(frame).addListener(CLOSE_AFTER_WRITE);
    }

    public static RelayFrame pong(long nonce) {
        return RelayFrame.newBuilder().setPong(Pong.newBuilder().setNonce(nonce)).build();
    }
}
