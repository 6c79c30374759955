package dev.lifeline.relay.pairing;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Optional;

/** What a {@link LobbyExtension} may do with a connection that is still in the lobby. */
public interface LobbyConnection {
    Channel channel();

    /** The role from Hello. */
    Role role();

    /** The remote address, for rate limits and the audit log. */
    String sourceAddress();

    /** Sends {@code frame} and reads the next frame once it is written. Any thread. */
    void reply(RelayFrame frame);

    /** Sends {@code frame} without reading on (pushes: queue updates). Any thread. */
    void push(RelayFrame frame);

    /** Typed fatal error, then the connection closes. Any thread. */
    void fatal(ErrorCode code, String message);

    /** Runs {@code task} on the connection's event loop (lobby state is confined to it). */
    void execute(Runnable task);

    /**
     * Customer: waits under a nameplate for {@code lifetime} — the one it already has (code shown)
     * or a new one. Empty when the relay is full or the connection is not a waiting-capable
     * customer. Event loop only.
     */
    Optional<Entry> waitForTechnician(String customerName, Duration lifetime);

    /**
     * Technician: pairs with the customer waiting on {@code entry}, as a join by code would.
     * False (nothing sent) when the entry is no longer waiting. Event loop only.
     */
    boolean pairWith(Entry entry);
}
