package dev.lifeline.relay.forwarding;

import dev.lifeline.common.wire.relay.Data;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.frames.Reads;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The paired phase of a connection: Data and Ack go to the peer untouched (the payload is never
 * parsed), Ping is answered, Close and RejectPeer end the pairing, everything else is an
 * unexpected frame.
 *
 * <p>Back-pressure as in Netty's {@code HexDumpProxyFrontendHandler}: AUTO_READ is off and the
 * next frame is read only once the previous one is handled, for forwarded frames once the write
 * to the peer has completed. A peer that reads slowly therefore slows its sender down instead of
 * filling the relay's memory.
 *
 * <p>Stateful (which session and which side this connection is), so one per channel.
 */
public final class ForwardingHandler extends ChannelInboundHandlerAdapter {
    /** A sealed key pair is 129 bytes; room for a later format, no more. */
    static final int MAX_SEALED_KEYS_BYTES = 1024;
    private final SessionTable sessions;
    private final PairedSession session;
    private final Role role;
    private final ForwardedFrameListener listener;

    public ForwardingHandler(SessionTable sessions, PairedSession session, Role role, ForwardedFrameListener listener) {
        this.sessions = sessions;
        this.session = session;
        this.role = role;
        this.listener = listener;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RelayFrame frame)) {
            ReferenceCountUtil.release(msg);
            Replies.fatal(ctx, ErrorCode.INTERNAL, "internal relay error");
            return;
        }
        Channel channel = ctx.channel();
        if (!session.isCurrent(role, channel)) {
            // Superseded by a resumed connection or the session is over: this one is closing.
            if (session.isEnded()) {
                channel.close();
            }
            return;
        }
        switch (frame.getBodyCase()) {
            case DATA -> forward(ctx, frame, true);
            case ACK -> forward(ctx, frame, false);
            case RECORDING_KEYS -> {
                // Opaque to the relay: stored with the recording, never opened here.
                byte[] sealed = frame.getRecordingKeys().getSealedKeys().toByteArray();
                if (sealed.length > MAX_SEALED_KEYS_BYTES) {
                    Replies.fatal(ctx, ErrorCode.FRAME_TOO_LARGE, "sealed recording keys too large");
                    return;
                }
                listener.onSealedKeys(session.id(), role, sealed);
                readNext(channel);
            }
            case PING -> ctx.writeAndFlush(Replies.pong(frame.getPing().getNonce()))
                    .addListener(f -> readNext(channel));
            case CLOSE -> sessions.close(session, role, frame);
            case REJECT_PEER -> {
                if (role != Role.CUSTOMER) {
                    Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME, "only the customer may reject its peer");
                } else if (sessions.reject(session)) {
                    session.lifecycle().customerRejectedPeer(ctx, session);
                } else {
                    readNext(channel);
                }
            }
            default -> Replies.fatal(ctx, ErrorCode.UNEXPECTED_FRAME,
                    frame.getBodyCase() + " is not allowed while paired");
        }
    }

    private void forward(ChannelHandlerContext ctx, RelayFrame frame, boolean data) {
        Channel channel = ctx.channel();
        Channel peer = session.peerChannel(role);
        if (peer == null) {
            // The peer is away: the sender resends whatever was not acknowledged after PeerBack.
            readNext(channel);
            return;
        }
        if (data && listener != ForwardedFrameListener.NONE) {
            Data body = frame.getData();
            listener.onForwarded(session.id(), role, body.getSeq(), body.getPayload().toByteArray());
        }
        peer.writeAndFlush(frame).addListener((ChannelFutureListener) future -> {
            // On failure the peer's connection is gone; its own handler reports it. Either way the
            // sender may go on: what it sends meanwhile is dropped until the peer is back.
            readNext(channel);
        });
    }

    private static void readNext(Channel channel) {
        Reads.next(channel);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        sessions.connectionLost(session, role, ctx.channel());
        ctx.fireChannelInactive();
    }
}
