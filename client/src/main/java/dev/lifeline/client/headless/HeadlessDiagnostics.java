package dev.lifeline.client.headless;

import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.diagnostics.DiagnosticsReview;
import dev.lifeline.client.report.ReportDocument;
import dev.lifeline.client.report.ReportStore;
import dev.lifeline.client.report.SessionRecord;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.report.ReportDrafts;
import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Diagnostics in headless mode. Technician: asks for the probes once secured, prints each result,
 * the findings ({@code finding: <severity> <suggestion> <summary>}) and {@code recommendation:
 * remote|onsite|escalate}, writes the report and ends the session with the recommended outcome
 * (or the one given). Customer: grants RUN_DIAGNOSTICS only when allowed, prints the preview and
 * sends it, withholding the probes named.
 */
public final class HeadlessDiagnostics {
    /** What the script chose as the outcome: follow the rules' recommendation, or a fixed one. */
    public enum OutcomeChoice { AUTO, REMOTE, ONSITE, ESCALATE, NOT_RESOLVED }

    private Consumer<String> print = line -> { };
    private final Clock clock;
    // technician
    private Set<Probe> probes = EnumSet.noneOf(Probe.class);
    private Path reportFile;
    private ReportStore store;
    private OutcomeChoice outcome = OutcomeChoice.AUTO;
    private String notes = "";
    private String address = "";
    private String window = "";
    private SessionRecord record;
    private long requestId = -1;
    private boolean finished;
    // customer
    private boolean allow;
    private Set<Probe> withhold = EnumSet.noneOf(Probe.class);

    public HeadlessDiagnostics(Clock clock) {
        this.clock = clock;
    }

    /** The session's printer (one event per line). */
    void printTo(Consumer<String> printer) {
        this.print = printer;
    }

    public HeadlessDiagnostics probes(Set<Probe> wanted) {
        this.probes = wanted.isEmpty() ? EnumSet.noneOf(Probe.class) : EnumSet.copyOf(wanted);
        return this;
    }

    public HeadlessDiagnostics report(Path file, ReportStore reports) {
        this.reportFile = file;
        this.store = reports;
        return this;
    }

    public HeadlessDiagnostics outcome(OutcomeChoice choice, String notes, String address, String window) {
        this.outcome = choice;
        this.notes = notes == null ? "" : notes;
        this.address = address == null ? "" : address;
        this.window = window == null ? "" : window;
        return this;
    }

    public HeadlessDiagnostics customer(boolean allowDiagnostics, Set<Probe> withheld) {
        this.allow = allowDiagnostics;
        this.withhold = withheld.isEmpty() ? EnumSet.noneOf(Probe.class) : EnumSet.copyOf(withheld);
        return this;
    }

    boolean wanted() {
        return !probes.isEmpty();
    }

    boolean allows() {
        return allow;
    }

    private Party technician = Party.getDefaultInstance();

    /** Technician: who writes the report. */
    public HeadlessDiagnostics technician(String name, String organisation) {
        this.technician = Party.newBuilder().setName(name).setOrganisation(organisation).build();
        return this;
    }

    /** Technician: starts the record (before the join). */
    void started(String code) {
        record = new SessionRecord(code, technician, clock.millis());
    }

    /** Technician: secured; returns the probes to ask for (empty: none). */
    Set<Probe> secured(String customerName, String sessionId) {
        if (record == null) {
            started("");
        }
        if (record != null) {
            record.secured(customerName, sessionId, clock.millis());
            record.customerDetails(address, "");
        }
        return probes;
    }

    void requested(long id) {
        requestId = id;
    }

    void consentChanged(ConsentSnapshot snapshot) {
        if (record != null) {
            record.consentChanged(snapshot);
        }
    }

    /** Both sides: prints the stage; technician: returns true when the request is over (sent or declined). */
    boolean progress(DiagnosticsActivity a) {
        print.accept("diagnostics: " + a.stage().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " " + String.join(",", a.probes().stream().map(ProbeCatalogue::name).toList()));
        return record != null && a.requestId() == requestId
                && (a.stage() == Stage.SENT || a.stage() == Stage.DECLINED || a.stage() == Stage.BUSY);
    }

    void result(long id, ProbeResult r) {
        print.accept("probe: " + ProbeCatalogue.name(r.getProbe()) + " " + r.getStatus().name().toLowerCase(Locale.ROOT)
                + " " + HeadlessSession.clean(r.getSummary()));
        if (record != null) {
            record.result(r);
        }
    }

    /** Customer: prints the preview; returns the probes to withhold. */
    Set<Probe> review(DiagnosticsReview review) {
        for (ProbeResult r : review.results()) {
            print.accept("diagnostics-preview: " + ProbeCatalogue.name(r.getProbe()) + " "
                    + r.getStatus().name().toLowerCase(Locale.ROOT) + " " + HeadlessSession.clean(r.getSummary())
                    + (withhold.contains(r.getProbe()) ? " (withheld)" : ""));
        }
        return withhold;
    }

    boolean grantsDiagnostics(Set<Capability> asked) {
        return allow && asked.contains(Capability.RUN_DIAGNOSTICS);
    }

    /**
     * Technician: all results are in. Prints findings and the recommendation, writes the report;
     * returns true once (the caller then ends the session).
     */
    /** The outcome {@link #finish()} decided, for the session's timeline (null before). */
    Outcome decided() {
        return decided;
    }

    private Outcome decided;

    boolean finish() {
        if (finished || record == null) {
            return false;
        }
        finished = true;
        Evaluation e = record.evaluation();
        for (Finding f : e.findings()) {
            print.accept("finding: " + f.getSeverity().name().toLowerCase(Locale.ROOT) + " "
                    + Evaluation.word(f.getSuggestion()) + " " + HeadlessSession.clean(f.getSummary()));
        }
        print.accept("recommendation: " + Evaluation.word(e.recommendation()));
        SessionReport report = record.report(outcome(e), clock.millis());
        decided = report.getOutcome();
        print.accept("outcome: " + ReportExport.outcomeTitle(report.getOutcome().getKind()));
        try {
            if (reportFile != null) {
                ReportDocument.writeFile(reportFile, report, ZoneId.systemDefault());
                print.accept("report: " + reportFile);
            }
            if (store != null) {
                print.accept("report-stored: " + store.save(report));
            }
        } catch (IOException | RuntimeException ex) {
            print.accept("report: failed: " + HeadlessSession.clean(String.valueOf(ex.getMessage())));
        }
        return true;
    }

    private Outcome outcome(Evaluation e) {
        OutcomeChoice choice = outcome;
        if (choice == OutcomeChoice.AUTO) {
            choice = e.recommendation() == Suggestion.ONSITE_VISIT ? OutcomeChoice.ONSITE
                    : e.recommendation() == Suggestion.ESCALATE_DEVELOPMENT ? OutcomeChoice.ESCALATE : OutcomeChoice.REMOTE;
        }
        Outcome.Builder o = Outcome.newBuilder().setNotes(notes);
        switch (choice) {
            case ONSITE -> o.setKind(Outcome.Kind.ONSITE_VISIT).setDispatch(ReportDrafts.dispatch(e, address, window));
            case ESCALATE -> o.setKind(Outcome.Kind.ESCALATED_TO_DEVELOPMENT).setBug(ReportDrafts.bug(e, record.latest()));
            case NOT_RESOLVED -> o.setKind(Outcome.Kind.NOT_RESOLVED);
            default -> o.setKind(Outcome.Kind.RESOLVED_REMOTELY);
        }
        return o.build();
    }
}
