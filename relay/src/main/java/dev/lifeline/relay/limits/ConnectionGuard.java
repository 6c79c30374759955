package dev.lifeline.relay.limits;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.relay.frames.Replies;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what goes wrong below the business handlers into typed errors: reader idle becomes
 * {@code IDLE_TIMEOUT}, decoder failures become {@code FRAME_TOO_LARGE} or
 * {@code MALFORMED_FRAME}, anything else {@code INTERNAL}; each is fatal and closes only this
 * connection. Sits right after the encoder so its errors are encoded. Stateless: one shared
 * {@link #INSTANCE}.
 */
@Sharable
public final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    public static final ConnectionGuard INSTANCE = new ConnectionGuard();
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private ConnectionGuard() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.debug("{} idle, closing", ctx.channel().remoteAddress());
            Replies.fatal(ctx, ErrorCode.IDLE_TIMEOUT, "no frame received within the idle timeout");
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            Replies.fatal(ctx, ErrorCode.FRAME_TOO_LARGE, cause.getMessage());
        } else if (cause instanceof DecoderException) {
            Throwable inner = cause.getCause();
            if (inner instanceof TooLongFrameException) {
                Replies.fatal(ctx, ErrorCode.FRAME_TOO_LARGE, inner.getMessage());
            } else if (inner instanceof SSLException || inner instanceof NotSslRecordException) {
                // The TLS layer is broken: nothing can be sent on it any more.
                LOG.debug("{} TLS failure: {}", ctx.channel().remoteAddress(), inner.toString());
                ctx.close();
            } else {
                // CorruptedFrameException and anything else a decoder throws.
                Replies.fatal(ctx, ErrorCode.MALFORMED_FRAME, "malformed frame");
            }
        } else if (cause instanceof SSLException) {
            LOG.debug("{} TLS failure: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else if (cause instanceof IOException) {
            LOG.debug("{} I/O error: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else {
            LOG.warn("{} unexpected error, closing the connection", ctx.channel().remoteAddress(), cause);
            Replies.fatal(ctx, ErrorCode.INTERNAL, "internal relay error");
        }
    }
}
