package dev.lifeline.client.session;

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
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted path of the issue, both apps headless over a real relay: {@code console --diagnose
 * full --report FILE.json} against {@code gethelp --allow-diagnostics --withhold processes}.
 */
class HeadlessDiagnosticsOverRelayTest {
    @TempDir
    Path dir;

    private RunningRelay relay;
    private RelayClient client;
    private TechnicianIdentity alice;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.builder().dataDir(dir.resolve("relay")).bindAddress("127.0.0.1").port(0).build());
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        alice = OrganisationCa.create("ACME Support").issueTechnician("Alice Meyer", Duration.ofDays(1));
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
    }

    private CustomerSessions customerSessions() {
        return client.customerSessions(null, ScreenSources.robot(), DiagnosticsSettings.defaults(new HostPort("127.0.0.1", relay.port()))
                .withGatewayCheck(false).withTimeout(Duration.ofSeconds(15)));
    }

    private static SessionCode codeOf(HeadlessRun customer) {
        return SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length()));
    }

    @Test
    void fullCheckPrintsFindingsAndRecommendationWritesTheReportAndEndsTheSession() throws Exception {
        Path reportFile = dir.resolve("out/report.json");
        Path reports = dir.resolve("reports");
        try (HeadlessRun customer = HeadlessRun.customer(customerSessions(), "Dana",
                s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).customer(true, Set.of(Probe.PROCESSES))));
             HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), codeOf(customer),
                     s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).probes(ProbeCatalogue.parse("full"))
                             .report(reportFile, new FileReportStore(reports, ZoneOffset.UTC))
                             .outcome(HeadlessDiagnostics.OutcomeChoice.AUTO, "checked everything", "Main St 1", "Tue 9-12")
                             .technician("Alice Meyer", "ACME Support")))) {
            customer.await(l -> l.equals("consent-asked: run_diagnostics"), Duration.ofSeconds(20));
            List<String> preview = customer.awaitLines("diagnostics-preview: ", ProbeCatalogue.ALL.size());
            assertTrue(preview.stream().anyMatch(l -> l.startsWith("diagnostics-preview: processes ") && l.endsWith("(withheld)")), preview.toString());

            String recommendation = technician.await(l -> l.startsWith("recommendation: "), Duration.ofSeconds(60));
            List<String> probes = technician.linesStartingWith("probe: ");
            assertEquals(ProbeCatalogue.ALL.size(), probes.size(), probes.toString());
            assertTrue(probes.contains(probes.stream().filter(l -> l.startsWith("probe: processes withheld")).findFirst().orElse("missing")));
            technician.awaitPrefix("report: ");
            assertEquals(0, technician.awaitExit(), "the technician's session ends by itself");
            customer.awaitPrefix("ended: ended-by-peer");

            SessionReport report = ReportExport.parseJson(Files.readString(reportFile, StandardCharsets.UTF_8));
            assertEquals(recommendation, "recommendation: " + Evaluation.word(report.getRecommendation()));
            List<String> findingLines = technician.linesStartingWith("finding: ");
            assertEquals(report.getFindingsCount(), findingLines.size());
            Outcome.Kind expected = switch (report.getRecommendation()) {
                case ONSITE_VISIT -> Outcome.Kind.ONSITE_VISIT;
                case ESCALATE_DEVELOPMENT -> Outcome.Kind.ESCALATED_TO_DEVELOPMENT;
                default -> Outcome.Kind.RESOLVED_REMOTELY;
            };
            assertEquals(expected, report.getOutcome().getKind(), "the outcome follows the recommendation");
            assertEquals("checked everything", report.getOutcome().getNotes());
            assertEquals("Dana", report.getCustomer().getName());
            assertEquals("Main St 1", report.getCustomer().getAddress());
            assertEquals("Alice Meyer", report.getTechnician().getName());
            assertEquals(32, report.getSessionId().length(), "the relay's session id in hex: " + report.getSessionId());
            assertTrue(report.getStartedAtMs() <= report.getSecuredAtMs() && report.getSecuredAtMs() <= report.getEndedAtMs());
            assertEquals(ProbeCatalogue.ALL.size(), report.getDiagnosticsCount());
            ProbeResult processes = report.getDiagnosticsList().stream().filter(r -> r.getProbe() == Probe.PROCESSES).findFirst().orElseThrow();
            assertEquals(ProbeStatus.WITHHELD, processes.getStatus());
            assertFalse(processes.hasProcesses());
            assertTrue(report.getConsentTimelineList().stream().anyMatch(c -> c.getKind() == ConsentChange.Kind.GRANTED
                    && c.getCapability() == dev.lifeline.common.wire.e2e.Capability.RUN_DIAGNOSTICS
                    && c.getActor() == ConsentChange.Actor.CUSTOMER), report.getConsentTimelineList().toString());
            assertTrue(report.getBilled().getBillableSeconds() >= report.getBilled().getSessionSeconds());

            List<SessionReport> stored = new FileReportStore(reports, ZoneOffset.UTC).recent(10);
            assertEquals(List.of(report), stored, "the store holds the same report");
            assertTrue(Files.readString(reports.resolve(report.getReportId() + ".html")).contains("Session report: Dana"));
            String pdf = dev.lifeline.client.report.ReportPdfTest.text(Files.readAllBytes(reports.resolve(report.getReportId() + ".pdf")));
            assertTrue(pdf.contains("Session report: Dana") && pdf.contains(ReportExport.outcomeTitle(report.getOutcome().getKind()))
                    && pdf.contains("checked everything"), "the stored PDF: " + pdf);
        }
    }

    @Test
    void aCustomerWhoDoesNotAllowDiagnosticsGetsADeclinedReportWithoutResults() throws Exception {
        // --report FILE.pdf: the format follows the extension.
        Path reportFile = dir.resolve("declined.pdf");
        try (HeadlessRun customer = HeadlessRun.customer(customerSessions(), "Eve",
                s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).customer(false, Set.of())));
             HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), codeOf(customer),
                     s -> s.diagnostics(new HeadlessDiagnostics(Clock.systemUTC()).probes(Set.of(Probe.SYSTEM))
                             .report(reportFile, null)))) {
            customer.awaitPrefix("diagnostics: request answered no");
            technician.awaitPrefix("diagnostics: declined");
            assertEquals("recommendation: remote", technician.awaitPrefix("recommendation: "));
            assertEquals(0, technician.awaitExit());
            String report = dev.lifeline.client.report.ReportPdfTest.text(Files.readAllBytes(reportFile));
            assertTrue(report.contains("Session report: Eve"), report);
            assertTrue(report.contains("Resolved remotely"), "the outcome: " + report);
            assertTrue(report.contains("RUN_DIAGNOSTICS DENIED by CUSTOMER"), "the consent timeline: " + report);
            assertFalse(report.contains("System OK"), "no result, since nothing ran: " + report);
            assertTrue(customer.linesStartingWith("diagnostics-preview").isEmpty(), "nothing ran");
        }
    }
}
