package dev.lifeline.relay.limits;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.relay.frames.Replies;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Clock;

/**
 * Counts decoded frames per connection against a token bucket; a connection over its rate gets
 * {@code RelayError(RATE_LIMITED, fatal)} and is closed. Stateful (the bucket), so one per
 * channel.
 */
public final class FrameRateLimiter extends ChannelInboundHandlerAdapter {
    private final TokenBucket bucket;
    private boolean tripped;

    public FrameRateLimiter(int framesPerSecond, int burst, Clock clock) {
        this.bucket = new TokenBucket(burst, framesPerSecond, clock);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (tripped) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!bucket.tryTake()) {
            tripped = true;
            ReferenceCountUtil.release(msg);
            Replies.fatal(ctx, ErrorCode.RATE_LIMITED, "too many frames per second");
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
