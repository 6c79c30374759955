package dev.lifeline.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.report.FileReportStore;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.testing.FakeSessions;
import dev.lifeline.client.testing.FakeSessions.FakeHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.StorageData;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.diagnostics.SystemData;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Console's Diagnostics panel and outcome form as plain Java: no toolkit, a fake session. */
class DiagnosticsViewModelTest {
    @TempDir
    Path dir;

    private final FakeSessions.Technician sessions = new FakeSessions.Technician();
    private final ConsoleSessionViewModel session =
            new ConsoleSessionViewModel(SessionCode.parse("418290573"), Runnable::run, Clock.systemUTC());

    private FakeHandle joined() {
        session.reporting(Party.newBuilder().setName("Alice Meyer").setOrganisation("ACME").build(),
                new FileReportStore(dir, ZoneOffset.UTC), Runnable::run);
        session.join(sessions);
        FakeHandle h = sessions.last();
        h.listener.onSecured(PeerInfo.customer("Dana"));
        return h;
    }

    static ProbeResult failingDisk() {
        return ProbeResult.newBuilder().setProbe(Probe.STORAGE).setStatus(ProbeStatus.OK).setSummary("1 disk, FAILING")
                .setStorage(StorageData.newBuilder().addDisks(Disk.newBuilder().setName("/dev/sda").setModel("WDC")
                        .setSizeBytes(1_000_000_000_000L).setHealth(DiskHealth.FAILING).setHealthSource("smartctl"))).build();
    }

    static ProbeResult system() {
        return ProbeResult.newBuilder().setProbe(Probe.SYSTEM).setStatus(ProbeStatus.OK).setSummary("Debian 12")
                .setSystem(SystemData.newBuilder().setOsFamily("Debian GNU/Linux").setOsVersion("12").setCpuModel("Xeon")
                        .setLogicalCores(4).setMemoryTotalBytes(8_000_000_000L).setMemoryAvailableBytes(4_000_000_000L)).build();
    }

    @Test
    void nothingCanBeRequestedBeforeTheSessionIsSecured() {
        DiagnosticsViewModel d = session.diagnostics();
        assertFalse(d.availableProperty().get());
        d.requestFullCheck();
        session.join(sessions);
        assertTrue(sessions.last().diagnosticsCalls.isEmpty());
    }

    @Test
    void fullCheckAndChosenProbesGoOutOneRequestAtATime() {
        FakeHandle h = joined();
        DiagnosticsViewModel d = session.diagnostics();
        assertTrue(d.availableProperty().get());
        d.requestChosen();
        assertTrue(h.diagnosticsCalls.isEmpty(), "nothing ticked, nothing asked");
        d.chosenProperty(Probe.STORAGE).set(true);
        d.chosenProperty(Probe.NETWORK).set(true);
        d.requestChosen();
        assertEquals(List.of("request:1:[STORAGE, NETWORK]"), h.diagnosticsCalls);
        assertTrue(d.busyProperty().get());
        d.requestFullCheck();
        assertEquals(1, h.diagnosticsCalls.size(), "one request at a time");

        h.listener.onDiagnosticsProgress(new DiagnosticsActivity(1, Stage.REVIEWING, List.of(Probe.STORAGE, Probe.NETWORK)));
        assertEquals(Stage.REVIEWING, d.stageProperty().get());
        h.listener.onDiagnosticsProgress(new DiagnosticsActivity(1, Stage.SENT, List.of(Probe.STORAGE, Probe.NETWORK)));
        assertFalse(d.busyProperty().get());
        d.requestFullCheck();
        assertEquals("request:2:" + new java.util.TreeSet<>(ProbeCatalogue.ALL), h.diagnosticsCalls.get(1));
    }

    @Test
    void resultsBecomeSectionsInCatalogueOrderAndFindingsGiveTheRecommendation() {
        FakeHandle h = joined();
        DiagnosticsViewModel d = session.diagnostics();
        d.requestFullCheck();
        h.listener.onDiagnosticsResult(1, failingDisk());
        h.listener.onDiagnosticsResult(1, system());
        h.listener.onDiagnosticsResult(1, ProbeResult.newBuilder().setProbe(Probe.PROCESSES).setStatus(ProbeStatus.WITHHELD)
                .setSummary("Processes: withheld by the customer").build());

        assertEquals(List.of(Probe.SYSTEM, Probe.STORAGE, Probe.PROCESSES), d.sections().stream().map(s -> s.probe()).toList());
        assertEquals(ProbeStatus.WITHHELD, d.sections().get(2).status());
        assertTrue(d.sections().get(1).lines().stream().anyMatch(l -> l.contains("FAILING (smartctl)")), d.sections().get(1).lines().toString());
        assertEquals(Suggestion.ONSITE_VISIT, d.recommendationProperty().get());
        assertEquals("disk.smart-failing", d.supporting().get(0).getRuleId());
        String copied = d.copyText();
        assertTrue(copied.startsWith("Recommendation: onsite"), copied);
        assertTrue(copied.contains("Storage · disk /dev/sda (WDC): SMART overall health: FAILED"), copied);
        assertTrue(copied.contains("Processes [WITHHELD]"), copied);

        h.listener.onDiagnosticsResult(2, failingDisk().toBuilder().setSummary("again").build());
        assertEquals(3, d.sections().size(), "a new result replaces the probe's section");
        assertEquals("again", d.sections().get(1).summary());
    }

    @Test
    void theOutcomeFormStartsAtTheRecommendationWithTheDispatchPreFilled() {
        FakeHandle h = joined();
        h.listener.onDiagnosticsResult(1, failingDisk());
        h.listener.onDiagnosticsResult(1, system());
        OutcomeViewModel o = session.prepareOutcome();
        assertEquals(Outcome.Kind.ONSITE_VISIT, o.kindProperty().get());
        assertTrue(o.problemProperty().get().contains("failing"), o.problemProperty().get());
        assertTrue(o.partsProperty().get().startsWith("replacement disk, at least 1.0 TB"), o.partsProperty().get());
        assertTrue(o.evidenceProperty().get().contains("SMART overall health: FAILED"));
        assertFalse(o.completeProperty().get(), "a visit needs the customer's address");
        o.addressProperty().set("Main St 1, Springfield");
        o.windowProperty().set("Tue 09:00-12:00");
        assertTrue(o.completeProperty().get());

        o.kindProperty().set(Outcome.Kind.ESCALATED_TO_DEVELOPMENT);
        assertTrue(o.environmentProperty().get().startsWith("Debian GNU/Linux 12"), o.environmentProperty().get());
        o.kindProperty().set(Outcome.Kind.ONSITE_VISIT);
        o.notesProperty().set("disk clicks audibly");
        Outcome outcome = o.outcome();
        assertEquals("Main St 1, Springfield", outcome.getDispatch().getCustomerAddress());
        assertEquals("Tue 09:00-12:00", outcome.getDispatch().getPreferredWindow());
        assertFalse(outcome.hasBug());
    }

    @Test
    void endingWithAnOutcomeMakesStoresAndEnds() throws Exception {
        FakeHandle h = joined();
        h.listener.onConsentChanged(new ConsentSnapshot(Map.of(Capability.RUN_DIAGNOSTICS, ConsentStatus.GRANTED),
                Optional.of(new ConsentEvent(Capability.RUN_DIAGNOSTICS, ConsentEvent.Kind.GRANTED, ConsentEvent.Actor.CUSTOMER, Instant.now()))));
        h.listener.onDiagnosticsResult(1, system());
        assertNull(session.reportProperty().get());
        session.endWith(Outcome.newBuilder().setKind(Outcome.Kind.RESOLVED_REMOTELY).setNotes("restarted the spooler").build());

        assertTrue(h.ended, "the session ended");
        SessionReport r = session.reportProperty().get();
        assertNotNull(r);
        assertEquals("Alice Meyer", r.getTechnician().getName());
        assertEquals("Dana", r.getCustomer().getName());
        assertEquals(h.sessionId, r.getSessionId());
        assertEquals("418", r.getSessionCode(), "the nameplate only, never the secret");
        assertEquals(1, r.getConsentTimelineCount());
        assertEquals(Outcome.Kind.RESOLVED_REMOTELY, r.getOutcome().getKind());
        assertFalse(session.reportLocationProperty().get().isEmpty());
        assertEquals(List.of(r), new FileReportStore(dir, ZoneOffset.UTC).recent(5));
    }
}
