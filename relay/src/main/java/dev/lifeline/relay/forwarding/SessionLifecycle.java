package dev.lifeline.relay.forwarding;

import io.netty.channel.ChannelHandlerContext;

/**
 * What happens around a paired session that is not forwarding's business: the nameplate it holds
 * and the lobby the customer returns to. Implemented by the pairing side, one per session.
 */
public interface SessionLifecycle {
    /** The session is over for good; called exactly once, not after {@link #customerRejectedPeer}. */
    void sessionEnded(PairedSession session);

    /**
     * The customer rejected its technician: put the customer back to waiting on the same
     * nameplate. Called on the customer's event loop with the forwarding handler's context; the
     * implementation replaces that handler.
     */
    void customerRejectedPeer(ChannelHandlerContext customerCtx, PairedSession session);
}
