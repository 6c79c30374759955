package dev.lifeline.relay.frames;

import io.netty.channel.Channel;

/** Asking for the next frame when AUTO_READ is off. */
public final class Reads {
    private Reads() {
    }

    /**
     * Requests the next frame. Always as a fresh event-loop task: a read requested while the
     * {@code FlowControlHandler} is still handing out the previous frame (a write that completed
     * synchronously) would otherwise be lost and the connection would stall.
     */
    public static void next(Channel channel) {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                channel.read();
            }
        });
    }
}
