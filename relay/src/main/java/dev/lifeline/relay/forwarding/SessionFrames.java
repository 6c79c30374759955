package dev.lifeline.relay.forwarding;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.frames.Replies;
import io.netty.channel.ChannelHandlerContext;

/**
 * Frames a paired connection may send about its session besides forwarded traffic: transfer and
 * watch requests (issue 6, {@code relay.handover}). Forwarding stays opaque; this is the hook.
 */
public interface SessionFrames {
    boolean handles(RelayFrame.BodyCase body);

    /**
     * Handles one frame on the connection's event loop. Must end with a request for the next
     * frame ({@code Reads.next}) or a fatal error.
     */
    void handle(ChannelHandlerContext ctx, PairedSession session, Role role, RelayFrame frame);

    SessionFrames NONE = new SessionFrames() {
        @Override
        public boolean handles(RelayFrame.BodyCase body) {
            return false;
        }

        @Override
        public void handle(ChannelHandlerContext ctx, PairedSession session, Role role, RelayFrame frame) {
            Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, frame.getBodyCase() + " is not allowed while paired");
        }
    };
}
