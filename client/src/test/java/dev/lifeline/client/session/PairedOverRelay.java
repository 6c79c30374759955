package dev.lifeline.client.session;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The end-to-end tests' fixture, as a JUnit extension: before each test a real relay on loopback
 * with TLS (its data in a temporary folder), a client of it and the technician "Alice Meyer" of a
 * fresh organisation; {@link #pair} joins customer and technician sessions through it with a real
 * code and handshake. After each test it ends every session it paired, closes the client and the
 * relay, and deletes the relay's folder. Use it as
 * {@code @RegisterExtension final PairedOverRelay paired = new PairedOverRelay();}.
 */
final class PairedOverRelay implements BeforeEachCallback, AfterEachCallback {
    /** A secured pair; the probes hear everything after the code. */
    record Pair<P extends ScreenProbe>(CustomerLiveSession customer, P customerProbe,
                                       TechnicianLiveSession technician, P technicianProbe) {
    }

    private final UnaryOperator<RelayConfig.Builder> options;
    private final List<SessionHandle> toEnd = new ArrayList<>();
    private Path dataDir;
    private RunningRelay relay;
    private RelayClient client;
    private TechnicianIdentity technician;

    /** A relay with default settings. */
    PairedOverRelay() {
        this(UnaryOperator.identity());
    }

    /** A relay with {@code options} applied to its configuration (e.g. a shorter resume grace). */
    PairedOverRelay(UnaryOperator<RelayConfig.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("lifeline-relay-");
        relay = RelayServer.start(options.apply(RelayConfig.builder().dataDir(dataDir).bindAddress("127.0.0.1").port(0)).build());
        client = new RelayClient(endpoint(relay.port()));
        technician = OrganisationCa.create("ACME Support").issueTechnician("Alice Meyer", Duration.ofDays(1));
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

    private <S extends SessionHandle> S endLater(S session) {
        toEnd.add(session);
        return session;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (SessionHandle session : toEnd) {
                try {
                    session.end();
                } catch (RejectedExecutionException alreadyClosed) {
                    // its RelayClient (a proxy's, say) was closed by the test already
                }
            }
        } finally {
            toEnd.clear();
            client.close();
            relay.close();
            deleteAll(dataDir);
        }
    }

    static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
