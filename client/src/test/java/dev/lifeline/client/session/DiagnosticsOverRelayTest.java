package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.probes.DiagnosticsSettings;
import dev.lifeline.client.probes.HostPort;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.diagnostics.DiagnosticsSnapshot;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.FindingRules;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.DiagnosticsRequest;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Diagnostics end to end over a real relay on loopback, with the real probes of this machine:
 * a request without a grant is refused by the customer's app; a full check asks for consent,
 * runs after the yes, waits for the customer's review, and arrives without the withheld result.
 */
class DiagnosticsOverRelayTest {
    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay();

    private Pair<ScreenProbe> connect() throws Exception {
        // Loopback only: the relay is the one configured endpoint; the gateway is not pinged.
        DiagnosticsSettings settings = DiagnosticsSettings.defaults(new HostPort("127.0.0.1", paired.relay().port()))
                .withGatewayCheck(false).withTimeout(Duration.ofSeconds(15));
        return paired.pair(paired.client().customerSessions(null, ScreenSources.robot(), settings), new ScreenProbe(), new ScreenProbe());
    }

    @Test
    void aRequestWithoutGrantIsRefusedAndRunsNothing() throws Exception {
        Pair<ScreenProbe> p = connect();
        // Forged straight into the sealed channel, past the Console's own consent step.
        p.technician().onLoop(() -> p.technician().sendMessage(SessionMessage.newBuilder().setDiagnosticsRequest(
                DiagnosticsRequest.newBuilder().setRequestId(1).addProbes(Probe.SYSTEM)).build()));

        awaitTrue(() -> p.technicianProbe().refusals.size() == 1, "the refusal");
        assertEquals(new Refusal(Capability.RUN_DIAGNOSTICS, "DIAGNOSTICS_REQUEST", 1), p.technicianProbe().refusals.get(0));
        assertEquals(0, p.customer().diagnostics().requestsRun(), "no probe ran");
        assertTrue(p.customerProbe().reviews.isEmpty());
        assertTrue(p.technicianProbe().diagnosticsResults.isEmpty());
    }

    @Test
    void fullCheckAsksConsentRunsAfterTheYesAndLeavesOutWhatTheCustomerWithheld() throws Exception {
        Pair<ScreenProbe> p = connect();
        long id = p.technician().requestDiagnostics(ProbeCatalogue.ALL);

        awaitTrue(() -> !p.customerProbe().prompts.isEmpty(), "the consent prompt");
        assertEquals(Set.of(Capability.RUN_DIAGNOSTICS), p.customerProbe().prompts.get(0).capabilities());
        assertTrue(p.customerProbe().prompts.get(0).reason().contains("Storage"), "the prompt names the probes");
        assertEquals(0, p.customer().diagnostics().requestsRun(), "nothing runs before the yes");

        p.customer().grant(Capability.RUN_DIAGNOSTICS);
        awaitTrue(() -> !p.customerProbe().reviews.isEmpty(), "the results for review");
        List<ProbeResult> previewed = p.customerProbe().reviews.get(0).results();
        assertEquals(ProbeCatalogue.ALL, previewed.stream().map(ProbeResult::getProbe).toList());
        assertTrue(p.technicianProbe().diagnosticsResults.isEmpty(), "nothing is sent before the customer's review");
        awaitTrue(() -> p.technicianProbe().diagnosticsProgress.stream().anyMatch(a -> a.stage() == Stage.REVIEWING),
                "the technician sees that the customer reviews");

        p.customer().sendDiagnostics(id, List.of(Probe.PROCESSES));
        awaitTrue(() -> p.technicianProbe().diagnosticsResults.size() == ProbeCatalogue.ALL.size(), "all results");
        Map<Probe, ProbeResult> got = p.technicianProbe().diagnosticsResults.stream()
                .collect(Collectors.toMap(ProbeResult::getProbe, r -> r));
        ProbeResult processes = got.get(Probe.PROCESSES);
        assertEquals(ProbeStatus.WITHHELD, processes.getStatus());
        assertFalse(processes.hasProcesses(), "a withheld result carries no data");
        assertEquals(previewed.get(0), got.get(Probe.SYSTEM), "what arrived is what the customer saw");

        long memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
        assertEquals(memTotal, got.get(Probe.SYSTEM).getSystem().getMemoryTotalBytes(), "memory total as /proc/meminfo says");
        assertTrue(got.get(Probe.NETWORK).getNetwork().getRelay().getReachable(), "the relay round trip was measured");
        awaitTrue(() -> p.technicianProbe().diagnosticsProgress.stream().anyMatch(a -> a.stage() == Stage.SENT), "SENT");

        Evaluation evaluation = FindingRules.evaluate(DiagnosticsSnapshot.of(got.values()));
        assertTrue(evaluation.findings().stream().flatMap(f -> f.getEvidenceList().stream())
                .noneMatch(e -> e.getProbe() == Probe.PROCESSES), "no finding rests on the withheld result");
    }
}
