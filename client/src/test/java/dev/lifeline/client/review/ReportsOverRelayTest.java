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
import dev.lifeline.client.session.TeamRelay;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.TeamRequests;
import dev.lifeline.client.team.WaitingCustomer;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports through a real relay with its relay.database(): a signed-in technician joins by code, ends the
 * session with an outcome; the report is kept locally and stored on the relay; a lead lists the
 * session with filters and reads the same report; a technician may not. A session joined without
 * signing in is filed at the next sign-in with the relay's report claim.
 */
class ReportsOverRelayTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TeamRelay relay = new TeamRelay();

    @BeforeEach
    void team() throws Exception {
        relay.technician("Alice Meyer");
        relay.lead("Lena Lead");
    }

    static SignedInTechnician signIn(RelayClient client, String name) throws Exception {
        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        TeamConnection team = TeamConnection.signIn(client.group().next(), client.endpoint(), name, TeamRelay.PASSWORD.toCharArray(),
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
        SignedInTechnician alice = signIn(relay.client(), "Alice Meyer");
        Path local = dir.resolve("console-reports");
        RelayReportStore reports = new RelayReportStore(new FileReportStore(local, ZoneOffset.UTC),
                relay.client().endpoint(), alice::sessionToken);
        try (HeadlessRun customer = HeadlessRun.customer(relay.client().customerSessions(null, ScreenSources.robot(),
                        DiagnosticsSettings.defaults(new HostPort("127.0.0.1", relay.relay().port())).withGatewayCheck(false)), "Carol",
                s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).customer(false, Set.of())));
             HeadlessRun technician = HeadlessRun.technician(relay.client().technicianSessions(alice.identity(), alice::sessionToken),
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

        SignedInTechnician lena = signIn(relay.client(), "Lena Lead");
        try (RelayReviewService review = new RelayReviewService(relay.client().group(), relay.client().endpoint(), lena::sessionToken);
             RelayReviewService asAlice = new RelayReviewService(relay.client().group(), relay.client().endpoint(), alice::sessionToken)) {
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
        try (HeadlessRun customer = HeadlessRun.customer(relay.client().customerSessions(null, ScreenSources.robot(),
                        DiagnosticsSettings.defaults(new HostPort("127.0.0.1", relay.relay().port())).withGatewayCheck(false)), "Carol",
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
        SignedInTechnician alice = signIn(relay.client(), "Alice Meyer");
        FileReportStore local = new FileReportStore(dir.resolve("console-reports"), ZoneOffset.UTC);
        // Signed in when joining, signed out (token gone) by the end: the relay cannot take it now.
        String line = runSession(relay.client().technicianSessions(alice.identity(), alice::sessionToken),
                new RelayReportStore(local, relay.client().endpoint(), () -> null));
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
                relay.client().endpoint().pinnedFingerprint()), alice::sessionToken).fileUnfiled();
        assertEquals(0, away.filed());
        assertEquals(1, away.waiting());
        assertFalse(away.problem().isEmpty());
        assertEquals(unfiled, local.unfiled());

        RelayReportStore.Upload upload = new RelayReportStore(local, relay.client().endpoint(), alice::sessionToken).fileUnfiled();
        assertEquals(new RelayReportStore.Upload(1, List.of(), 0, "", local.dir()), upload);
        assertEquals(List.of(), local.unfiled(), "nothing left to file");
        assertFalse(new RelayReportStore(local, relay.client().endpoint(), alice::sessionToken).fileUnfiled().worthSaying(),
                "a second sign-in has nothing to say");

        leadReadsAlicesOnlyReport(unfiled.get(0));
    }

    @Test
    void aSessionJoinedWithoutSigningInIsFiledWithItsClaimAtTheNextSignIn() throws Exception {
        SignedInTechnician alice = signIn(relay.client(), "Alice Meyer");
        FileReportStore local = new FileReportStore(dir.resolve("console-reports"), ZoneOffset.UTC);
        // The identity file only: the relay records no technician for this session.
        String line = runSession(relay.client().technicianSessions(alice.identity()), local);
        assertTrue(line.startsWith("report-stored: "), line);
        String id = local.unfiled().get(0);
        dev.lifeline.client.report.ReportSaved saved = dev.lifeline.client.report.ReportSaved.after(local, local.load(id), null);
        assertEquals(dev.lifeline.client.report.ReportSaved.Where.COMPUTER_ONLY, saved.where(), "the Console says: this computer only");
        assertEquals(local.dir().resolve(id + ".pdf"), saved.document());
        byte[] claim = local.claim(id);
        assertEquals(32, claim.length, "the relay's claim is kept with the report");
        String claimHex = java.util.HexFormat.of().formatHex(claim);
        String claimBase64 = java.util.Base64.getEncoder().encodeToString(claim);
        for (String kind : List.of(".json", ".md", ".html")) {
            String text = java.nio.file.Files.readString(local.dir().resolve(id + kind));
            assertFalse(text.contains(claimHex) || text.contains(claimBase64), "the claim is not in the " + kind + " document");
        }
        assertFalse(line.contains(claimHex) || line.contains(claimBase64), "nor printed");

        RelayReportStore.Upload upload = new RelayReportStore(local, relay.client().endpoint(), alice::sessionToken).fileUnfiled();
        assertEquals(new RelayReportStore.Upload(1, List.of(), 0, "", local.dir()), upload, "filed at the sign-in");
        assertEquals(List.of(), local.unfiled(), "not offered again");
        assertEquals(0, local.claim(id).length, "the claim goes with the mark");
        assertEquals("printer driver reinstalled", local.load(id).getOutcome().getNotes(), "still kept on this computer");

        leadReadsAlicesOnlyReport(id);
    }

    /** Lena, signed in as lead, finds exactly one session of Alice's and reads report {@code id} with it. */
    private void leadReadsAlicesOnlyReport(String id) throws Exception {
        SignedInTechnician lena = signIn(relay.client(), "Lena Lead");
        try (RelayReviewService review = new RelayReviewService(relay.client().group(), relay.client().endpoint(), lena::sessionToken)) {
            SessionPage page = review.sessions(SessionQuery.newBuilder().setTechnician("Alice Meyer").setLimit(20).build())
                    .get(20, TimeUnit.SECONDS);
            assertEquals(1, page.getTotal(), "Alice is the session's technician");
            ReportAnswer answer = review.report(page.getRows(0).getId()).get(20, TimeUnit.SECONDS);
            assertEquals(id, answer.getReport().getReportId(), "the lead reads the report filed late");
            assertEquals("printer driver reinstalled", answer.getReport().getOutcome().getNotes());
        }
    }

    @Test
    void aReportWithoutItsClaimStaysOnThisComputerAndTheTechnicianIsToldWhy() throws Exception {
        SignedInTechnician alice = signIn(relay.client(), "Alice Meyer");
        FileReportStore local = new FileReportStore(dir.resolve("console-reports"), ZoneOffset.UTC);
        String line = runSession(relay.client().technicianSessions(alice.identity()), local);
        assertTrue(line.startsWith("report-stored: "), line);
        String id = local.unfiled().get(0);
        // A report kept by a Console from before claims (or whose mark lost it): nothing proves Alice ran it.
        java.nio.file.Files.write(local.dir().resolve("unfiled").resolve(id), new byte[0]);

        RelayReportStore.Upload upload = new RelayReportStore(local, relay.client().endpoint(), alice::sessionToken).fileUnfiled();
        assertEquals(0, upload.filed());
        assertEquals(List.of(id), upload.refused(), "the relay does not know Alice ran it: refused, and said so");
        assertEquals(List.of(), local.unfiled(), "not offered again");
        assertEquals("printer driver reinstalled", local.load(id).getOutcome().getNotes(), "still kept on this computer");
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
