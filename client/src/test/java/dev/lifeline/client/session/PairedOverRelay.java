package dev.lifeline.client.session;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The end-to-end tests' fixture: a real relay on loopback with TLS, a client of it, the technician
 * "Alice Meyer" of a fresh organisation, and customer/technician sessions paired through it by a
 * real code and handshake. Start it in {@code @BeforeEach}, close it in {@code @AfterEach}: it ends
 * every session it paired, then closes what was handed to it, the client and the relay.
 */
final class PairedOverRelay implements AutoCloseable {
    /** A secured pair; the probes hear everything after the code. */
    record Pair<P extends ScreenProbe>(CustomerLiveSession customer, P customerProbe,
                                       TechnicianLiveSession technician, P technicianProbe) {
    }

    private final RunningRelay relay;
    private final RelayClient client;
    private final TechnicianIdentity technician;
    private final List<SessionHandle> toEnd = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private PairedOverRelay(RunningRelay relay) {
        this.relay = relay;
        this.client = new RelayClient(endpoint(relay.port()));
        this.technician = OrganisationCa.create("ACME Support").issueTechnician("Alice Meyer", Duration.ofDays(1));
    }

    /** A relay with default settings, its data under {@code dir/relay}. */
    static PairedOverRelay start(Path dir) throws Exception {
        return start(dir, UnaryOperator.identity());
    }

    /** As above, with {@code options} applied to the relay's configuration (e.g. a shorter resume grace). */
    static PairedOverRelay start(Path dir, UnaryOperator<RelayConfig.Builder> options) throws Exception {
        return new PairedOverRelay(RelayServer.start(options.apply(RelayConfig.builder()
                .dataDir(dir.resolve("relay")).bindAddress("127.0.0.1").port(0)).build()));
    }

    RunningRelay relay() {
        return relay;
    }

    RelayClient client() {
        return client;
    }

    TechnicianIdentity technician() {
        return technician;
    }

    /** The relay at {@code port} of this machine (a proxy in front of the relay, say), pinned to its certificate. */
    RelayEndpoint endpoint(int port) {
        return new RelayEndpoint("127.0.0.1", port, relay.certificateFingerprint());
    }

    /** Customer "Dana" from {@code customers} and Alice through this fixture's client, both secured. */
    <P extends ScreenProbe> Pair<P> pair(CustomerSessions customers, P customerProbe, P technicianProbe) throws Exception {
        return pair(customers, client.technicianSessions(technician), customerProbe, technicianProbe);
    }

    /** As above with the technician's sessions given (another client, say). */
    <P extends ScreenProbe> Pair<P> pair(CustomerSessions customers, TechnicianSessions technicians,
                                         P customerProbe, P technicianProbe) throws Exception {
        CompletableFuture<SessionCode> code = new CompletableFuture<>();
        SessionListener waitingForCode = new SessionListener() {
            @Override
            public void onCodeReady(SessionCode c, long expiresAtEpochMs) {
                code.complete(c);
            }
        };
        // One listener for the customer: the code arrives first, everything else after.
        CustomerLiveSession customer = (CustomerLiveSession) customers.start("Dana", new ForwardingListener(waitingForCode, customerProbe));
        endLater(customer);
        TechnicianLiveSession tech = (TechnicianLiveSession) technicians.join(code.get(10, TimeUnit.SECONDS), technicianProbe);
        endLater(tech);
        customerProbe.secured.get(10, TimeUnit.SECONDS);
        technicianProbe.secured.get(10, TimeUnit.SECONDS);
        return new Pair<>(customer, customerProbe, tech, technicianProbe);
    }

    /** Ended on close (sessions the test started itself). */
    <S extends SessionHandle> S endLater(S session) {
        toEnd.add(session);
        return session;
    }

    /** Closed on close, after the sessions ended and before the client and relay (proxies, other clients). */
    <C extends AutoCloseable> C closeLater(C closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (SessionHandle session : toEnd) {
            try {
                session.end();
            } catch (RejectedExecutionException alreadyClosed) {
                // its RelayClient (a proxy's, say) was closed by the test already
            }
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
        client.close();
        relay.close();
    }
}
