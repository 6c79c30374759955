package dev.lifeline.client.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.headless.HeadlessDiagnostics;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.client.probes.DiagnosticsSettings;
import dev.lifeline.client.probes.HostPort;
import dev.lifeline.client.report.FileReportStore;
import dev.lifeline.client.report.RelayReportStore;
import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.TeamRequests;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports through a real relay with its database: a signed-in technician joins by code, ends the
 * session with an outcome; the report is kept locally and stored on the relay; a lead lists the
 * session with filters and reads the same report; a technician may not.
 */
class ReportsOverRelayTest {
    static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(1024, 1, 1);
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private Database database;
    private RunningRelay relay;
    private RelayClient client;

    @BeforeEach
    void start() throws Exception {
        database = Database.open(null, dir.resolve("relay"));
        Clock clock = Clock.systemUTC();
        Accounts accounts = new Accounts(database, new AuditLog(database, clock), clock, FAST, Lockout.DEFAULT,
                SessionTokens.DEFAULT_LIFETIME);
        accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
        accounts.add("cli", "Lena Lead", AccountRole.LEAD, PASSWORD.toCharArray());
        relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(OrganisationCa.create("ACME Support")).passwordHashing(FAST).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
        database.close();
    }

    static SignedInTechnician signIn(RelayClient client, String name) throws Exception {
        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        TeamConnection team = TeamConnection.signIn(client.group().next(), client.endpoint(), name, PASSWORD.toCharArray(),
                null, new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        signedIn.complete(technician);
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        signedIn.completeExceptionally(new AssertionError(failure.toString()));
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                    }

                    @Override
                    public void closed(String why) {
                    }
                });
        SignedInTechnician technician = signedIn.get(30, TimeUnit.SECONDS);
        team.close();
        return technician;
    }

    @Test
    void theTechniciansReportIsStoredOnTheRelayAndTheLeadFindsAndReadsIt() throws Exception {
        SignedInTechnician alice = signIn(client, "Alice Meyer");
        Path local = dir.resolve("console-reports");
        RelayReportStore reports = new RelayReportStore(new FileReportStore(local, ZoneOffset.UTC),
                client.endpoint(), alice::sessionToken);
        try (HeadlessRun customer = HeadlessRun.customer(client.customerSessions(null, ScreenSources.robot(),
                        DiagnosticsSettings.defaults(new HostPort("127.0.0.1", relay.port())).withGatewayCheck(false)), "Carol",
                s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).customer(false, Set.of())));
             HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice.identity(), alice::sessionToken),
                     SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length())),
                     s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).probes(Set.of(Probe.SYSTEM))
                             .report(null, reports)
                             .outcome(HeadlessDiagnostics.OutcomeChoice.ONSITE, "printer fuser broken", "Main St 1", "Tue 9-12")
                             .technician("Alice Meyer", "ACME Support")))) {
            String stored = technician.awaitPrefix("report-stored: ");
            assertTrue(stored.contains("relay: session "), stored);
            assertEquals(0, technician.awaitExit());
        }
        SessionReport kept = new FileReportStore(local, ZoneOffset.UTC).recent(1).get(0);
        assertEquals(Outcome.Kind.ONSITE_VISIT, kept.getOutcome().getKind(), "the local copy is kept as before");

        SignedInTechnician lena = signIn(client, "Lena Lead");
        try (RelayReviewService review = new RelayReviewService(client.group(), client.endpoint(), lena::sessionToken);
             RelayReviewService asAlice = new RelayReviewService(client.group(), client.endpoint(), alice::sessionToken)) {
            SessionPage page = review.sessions(SessionQuery.newBuilder().setTechnician("Alice Meyer")
                    .addOutcomes(Outcome.Kind.ONSITE_VISIT).setText("fuser").setLimit(20).build()).get(20, TimeUnit.SECONDS);
            assertEquals(1, page.getTotal());
            assertEquals("Carol", page.getRows(0).getCustomerName());
            assertEquals(kept.getSessionId(), page.getRows(0).getRelaySessionId());
            assertEquals(0, review.sessions(SessionQuery.newBuilder().addOutcomes(Outcome.Kind.RESOLVED_REMOTELY).setLimit(20)
                    .build()).get(20, TimeUnit.SECONDS).getTotal());

            ReportAnswer answer = review.report(page.getRows(0).getId()).get(20, TimeUnit.SECONDS);
            assertEquals(RelayReportStore.forRelay(kept).getReport(), answer.getReport(), "the same report, without raw results");
            assertEquals("printer fuser broken", answer.getReport().getOutcome().getNotes());
            assertEquals("Tue 9-12", answer.getReport().getOutcome().getDispatch().getPreferredWindow(), "with the dispatch summary");

            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> asAlice.sessions(SessionQuery.newBuilder().setLimit(20).build()).get(20, TimeUnit.SECONDS));
            assertEquals(ErrorCode.FORBIDDEN, ((TeamRequests.RequestFailedException) refused.getCause()).code());
        }
    }

    /** A session with Carol ended with an outcome; {@code sessions} decides whether the join signed in. */
    private String runSession(dev.lifeline.client.session.TechnicianSessions sessions, dev.lifeline.client.report.ReportStore store)
            throws Exception {
        try (HeadlessRun customer = HeadlessRun.customer(client.customerSessions(null, ScreenSources.robot(),
                        DiagnosticsSettings.defaults(new HostPort("127.0.0.1", relay.port())).withGatewayCheck(false)), "Carol",
                s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).customer(false, Set.of())));
             HeadlessRun technician = HeadlessRun.technician(sessions,
                     SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length())),
                     s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).probes(Set.of(Probe.SYSTEM))
                             .report(null, store)
                             .outcome(HeadlessDiagnostics.OutcomeChoice.REMOTE, "printer driver reinstalled", "", "")
                             .technician("Alice Meyer", "ACME Support")))) {
            String line = technician.await(l -> l.startsWith("report-stored: ") || l.startsWith("report: failed"), seconds(60));
            assertEquals(0, technician.awaitExit());
            return line;
        }
    }

    @Test
    void aReportTheRelayCouldNotTakeIsKeptHereAndFiledAtTheNextSignIn() throws Exception {
        SignedInTechnician alice = signIn(client, "Alice Meyer");
        FileReportStore local = new FileReportStore(dir.resolve("console-reports"), ZoneOffset.UTC);
        // Signed in when joining, signed out (token gone) by the end: the relay cannot take it now.
        String line = runSession(client.technicianSessions(alice.identity(), alice::sessionToken),
                new RelayReportStore(local, client.endpoint(), () -> null));
        assertTrue(line.startsWith("report: failed") && line.contains("not stored on the relay: not signed in"), line);
        List<String> unfiled = local.unfiled();
        assertEquals(1, unfiled.size(), "kept here, marked as not in the team's records");
        assertTrue(java.nio.file.Files.exists(local.document(unfiled.get(0))), "the PDF to open: " + local.document(unfiled.get(0)));

        // The relay is away at the next sign-in: nothing is lost, it waits.
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RelayReportStore.Upload away = new RelayReportStore(local, new RelayEndpoint("127.0.0.1", closedPort,
                client.endpoint().pinnedFingerprint()), alice::sessionToken).fileUnfiled();
        assertEquals(0, away.filed());
        assertEquals(1, away.waiting());
        assertFalse(away.problem().isEmpty());
        assertEquals(unfiled, local.unfiled());

        RelayReportStore.Upload upload = new RelayReportStore(local, client.endpoint(), alice::sessionToken).fileUnfiled();
        assertEquals(new RelayReportStore.Upload(1, List.of(), 0, "", local.dir()), upload);
        assertEquals(List.of(), local.unfiled(), "nothing left to file");
        assertFalse(new RelayReportStore(local, client.endpoint(), alice::sessionToken).fileUnfiled().worthSaying(),
                "a second sign-in has nothing to say");

        SignedInTechnician lena = signIn(client, "Lena Lead");
        try (RelayReviewService review = new RelayReviewService(client.group(), client.endpoint(), lena::sessionToken)) {
            SessionPage page = review.sessions(SessionQuery.newBuilder().setTechnician("Alice Meyer").setLimit(20).build())
                    .get(20, TimeUnit.SECONDS);
            assertEquals(1, page.getTotal());
            ReportAnswer answer = review.report(page.getRows(0).getId()).get(20, TimeUnit.SECONDS);
            assertEquals(unfiled.get(0), answer.getReport().getReportId(), "the lead reads the report filed late");
            assertEquals("printer driver reinstalled", answer.getReport().getOutcome().getNotes());
        }
    }

    @Test
    void aSessionJoinedWithoutSigningInStaysOnThisComputerAndTheTechnicianIsToldWhy() throws Exception {
        SignedInTechnician alice = signIn(client, "Alice Meyer");
        FileReportStore local = new FileReportStore(dir.resolve("console-reports"), ZoneOffset.UTC);
        // The identity file only: the relay never learns who ran this session.
        String line = runSession(client.technicianSessions(alice.identity()), local);
        assertTrue(line.startsWith("report-stored: "), line);
        String id = local.unfiled().get(0);
        dev.lifeline.client.report.ReportSaved saved = dev.lifeline.client.report.ReportSaved.after(local, local.load(id), null);
        assertEquals(dev.lifeline.client.report.ReportSaved.Where.COMPUTER_ONLY, saved.where(), "the Console says: this computer only");
        assertEquals(local.dir().resolve(id + ".pdf"), saved.document());

        RelayReportStore.Upload upload = new RelayReportStore(local, client.endpoint(), alice::sessionToken).fileUnfiled();
        assertEquals(0, upload.filed());
        assertEquals(List.of(id), upload.refused(), "the relay does not know Alice ran it: refused, and said so");
        assertEquals(List.of(), local.unfiled(), "not offered again");
        assertEquals("printer driver reinstalled", local.load(id).getOutcome().getNotes(), "still kept on this computer");
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
