package dev.lifeline.relay.pairing;

import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Welcome;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import dev.lifeline.relay.recording.RecordingFetches;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What every {@link LobbyHandler} of one relay shares: the nameplate registry, the join limiters,
 * the session table, the customers waiting right now, and the Welcome the relay announces.
 */
public final class Lobby {
    final NameplateRegistry nameplates;
    final KeyedRateLimiter<String> joinsPerAddress;
    final KeyedRateLimiter<String> joinsPerNameplate;
    final SessionTable sessions;
    final Welcome welcome;
    final BooleanSupplier overConnectionCap;
    final ForwardedFrameListener listener;
    final Map<NameplateRegistry.Entry, LobbyHandler> waiting = new ConcurrentHashMap<>();
    /** Told to both apps before a session starts when the organisation records sessions; else null. */
    volatile RelayFrame recordingNotice;
    /** Serves lead recording fetches; null when this relay keeps no recordings. */
    volatile RecordingFetches recordingFetches;
    /** Sign-in and the queue (issue 6); NONE when the relay runs without a database. */
    volatile LobbyExtension extension = LobbyExtension.NONE;

    public Lobby(NameplateRegistry nameplates, KeyedRateLimiter<String> joinsPerAddress,
                 KeyedRateLimiter<String> joinsPerNameplate, SessionTable sessions, Welcome welcome,
                 BooleanSupplier overConnectionCap, ForwardedFrameListener listener) {
        this.nameplates = nameplates;
        this.joinsPerAddress = joinsPerAddress;
        this.joinsPerNameplate = joinsPerNameplate;
        this.sessions = sessions;
        this.welcome = welcome;
        this.overConnectionCap = overConnectionCap;
        this.listener = listener;
    }

    /** Recording policy hooks (issue 7): the notice the apps must show, and the fetch service. */
    public void recording(RelayFrame notice, RecordingFetches fetches) {
        this.recordingNotice = notice;
        this.recordingFetches = fetches;
    }

    /** A fresh handler for a new connection (stateful, so one per channel). */
    public LobbyHandler newHandler() {
        return new LobbyHandler(this);
    }

    /** Installs the handler of sign-in and queue frames; call before the relay accepts connections. */
    public void extend(LobbyExtension value) {
        this.extension = java.util.Objects.requireNonNull(value);
    }

    public SessionTable sessions() {
        return sessions;
    }

    public NameplateRegistry nameplates() {
        return nameplates;
    }
}
