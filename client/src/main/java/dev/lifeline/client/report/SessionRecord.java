package dev.lifeline.client.report;

import dev.lifeline.client.consent.ConsentMessages;
import dev.lifeline.common.consent.ConsentEvent;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.diagnostics.DiagnosticsSnapshot;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.FindingRules;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the Console keeps of one session for its report: times, the customer's consent changes,
 * the latest result of each probe (and the one before, so rules can see trends), and the
 * findings they add up to. Not thread-safe: one owner (the FX thread, or the headless thread).
 */
public final class SessionRecord {
    /** At most this many consent changes are kept (the customer's app keeps 1000). */
    static final int MAX_TIMELINE = 1000;
    /** Billing interval until contracts land: started quarter hours. */
    public static final int DEFAULT_BILLING_INTERVAL_SECONDS = 15 * 60;

    private final String sessionCode;
    private Party technician;
    private final long startedAtMs;
    private Party customer = Party.getDefaultInstance();
    private String sessionId = "";
    private long securedAtMs;
    private final List<ConsentChange> timeline = new ArrayList<>();
    private DiagnosticsSnapshot latest = DiagnosticsSnapshot.EMPTY;
    private DiagnosticsSnapshot previous = DiagnosticsSnapshot.EMPTY;

    public SessionRecord(String sessionCode, Party technician, long startedAtMs) {
        this.sessionCode = sessionCode;
        this.technician = technician;
        this.startedAtMs = startedAtMs;
    }

    /** Who writes the report (the Console knows it once the identity is loaded). */
    public void technician(Party who) {
        this.technician = who == null ? Party.getDefaultInstance() : who;
    }

    public void secured(String customerName, String sessionIdHex, long atMs) {
        customer = customer.toBuilder().setName(customerName == null ? "" : customerName).build();
        sessionId = sessionIdHex == null ? "" : sessionIdHex;
        securedAtMs = atMs;
    }

    /** The customer's address and contact, as the technician typed them (for the dispatch). */
    public void customerDetails(String address, String contact) {
        customer = customer.toBuilder().setAddress(address == null ? "" : address).setContact(contact == null ? "" : contact).build();
    }

    public Party customer() {
        return customer;
    }

    /** Every consent state from the customer: its last change joins the timeline. */
    public void consentChanged(ConsentSnapshot snapshot) {
        Optional<ConsentEvent> change = snapshot.lastChange();
        if (change.isEmpty() || timeline.size() >= MAX_TIMELINE) {
            return;
        }
        ConsentChange wire = ConsentMessages.toWire(snapshot).getLastChange();
        if (timeline.isEmpty() || !timeline.get(timeline.size() - 1).equals(wire)) {
            timeline.add(wire);
        }
    }

    /**
     * A probe result. A result with data replaces the probe's earlier one (which becomes the
     * "before" for trends); a withheld or failed one is kept only if there was nothing better.
     */
    public void result(ProbeResult result) {
        boolean hasData = result.getStatus() == ProbeStatus.OK || result.getStatus() == ProbeStatus.PARTIAL;
        ProbeResult old = latest.results().get(result.getProbe());
        if (hasData) {
            if (old != null && latest.usable(result.getProbe()).isPresent()) {
                previous = previous.with(old);
            }
            latest = latest.with(result);
        } else if (old == null || latest.usable(result.getProbe()).isEmpty()) {
            latest = latest.with(result);
        }
    }

    public DiagnosticsSnapshot latest() {
        return latest;
    }

    public Evaluation evaluation() {
        return FindingRules.evaluate(latest, previous);
    }

    /** The report with this outcome, ended now. */
    public SessionReport report(Outcome outcome, long endedAtMs) {
        Evaluation e = evaluation();
        return SessionReport.newBuilder().setFormatVersion(1).setReportId(UUID.randomUUID().toString())
                .setSessionId(sessionId).setSessionCode(sessionCode).setCustomer(customer).setTechnician(technician)
                .setStartedAtMs(startedAtMs).setSecuredAtMs(securedAtMs).setEndedAtMs(endedAtMs)
                .addAllConsentTimeline(timeline).addAllDiagnostics(latest.results().values())
                .addAllFindings(e.findings()).setRecommendation(e.recommendation())
                .setOutcome(outcome.toBuilder().setDecidedAtMs(endedAtMs))
                .setBilled(dev.lifeline.common.report.ReportDrafts.billed(startedAtMs, endedAtMs, DEFAULT_BILLING_INTERVAL_SECONDS))
                .build();
    }
}
