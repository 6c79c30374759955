package dev.lifeline.client.console;

import dev.lifeline.client.diagnostics.DiagnosticsActivity;
import dev.lifeline.client.report.SessionRecord;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.diagnostics.ProbeDetails;
import dev.lifeline.common.report.ReportDrafts;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Console's Diagnostics panel: which probes to ask for (one, several or the full check),
 * where the request stands, each result as a section for people, and the findings with the
 * recommendation they add up to. Lives on the FX thread; results come from the session listener.
 */
public final class DiagnosticsViewModel {

    /** One probe's result as the panel shows it. */
    public record Section(Probe probe, String title, ProbeStatus status, String summary, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    private final Map<Probe, BooleanProperty> chosen = new EnumMap<>(Probe.class);
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> supporting = FXCollections.observableArrayList();
    private final ObjectProperty<Suggestion> recommendation = new SimpleObjectProperty<>(this, "recommendation");
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(this, "stage");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available", false);
    private TechnicianSessionHandle handle;
    private SessionRecord record;
    private long current = -1;

    public DiagnosticsViewModel() {
        for (Probe p : ProbeCatalogue.ALL) {
            chosen.put(p, new SimpleBooleanProperty(this, "chosen-" + p, false));
        }
    }

    void attach(TechnicianSessionHandle sessionHandle, SessionRecord sessionRecord) {
        this.handle = sessionHandle;
        this.record = sessionRecord;
        available.set(true);
    }

    void detach() {
        handle = null;
        available.set(false);
        busy.set(false);
    }

    /** The checkbox of one probe. */
    public BooleanProperty chosenProperty(Probe probe) {
        return chosen.get(probe);
    }

    /** "Full check": every probe of the catalogue. */
    public void requestFullCheck() {
        request(ProbeCatalogue.ALL);
    }

    /** "Run selected": the ticked probes (nothing when none is ticked). */
    public void requestChosen() {
        List<Probe> probes = ProbeCatalogue.ALL.stream().filter(p -> chosen.get(p).get()).toList();
        if (!probes.isEmpty()) {
            request(probes);
        }
    }

    private void request(List<Probe> probes) {
        if (handle == null || busy.get()) {
            return;
        }
        current = handle.requestDiagnostics(probes);
        busy.set(true);
        stage.set(Stage.REQUESTED);
    }

    void progress(DiagnosticsActivity activity) {
        if (activity.requestId() != current) {
            return;
        }
        stage.set(activity.stage());
        if (activity.stage() == Stage.SENT || activity.stage() == Stage.DECLINED || activity.stage() == Stage.BUSY) {
            busy.set(false);
        }
    }

    void result(long requestId, ProbeResult result) {
        if (record != null) {
            record.result(result);
        }
        Section section = new Section(result.getProbe(), ProbeCatalogue.title(result.getProbe()), result.getStatus(),
                result.getSummary(), ProbeDetails.lines(result));
        int at = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).probe() == result.getProbe()) {
                at = i;
            }
        }
        if (at >= 0) {
            sections.set(at, section);
        } else {
            // Catalogue order, whatever order results arrive in.
            int insert = 0;
            while (insert < sections.size() && ProbeCatalogue.ALL.indexOf(sections.get(insert).probe())
                    < ProbeCatalogue.ALL.indexOf(result.getProbe())) {
                insert++;
            }
            sections.add(insert, section);
        }
        reevaluate();
    }

    private void reevaluate() {
        if (record == null) {
            return;
        }
        Evaluation e = record.evaluation();
        findings.setAll(e.findings());
        supporting.setAll(e.supporting());
        recommendation.set(e.recommendation());
    }

    /** Everything the panel shows, as text for the clipboard (a ticket, a chat with a colleague). */
    public String copyText() {
        StringBuilder b = new StringBuilder();
        if (recommendation.get() != null) {
            b.append("Recommendation: ").append(Evaluation.word(recommendation.get())).append('\n');
        }
        for (Finding f : findings) {
            b.append("- ").append(f.getSeverity()).append(" (").append(Evaluation.word(f.getSuggestion())).append(") ")
                    .append(f.getSummary()).append('\n');
            f.getEvidenceList().forEach(e -> b.append("    ").append(ReportDrafts.evidenceLine(e)).append('\n'));
        }
        for (Section s : sections) {
            b.append('\n').append(s.title()).append(" [").append(s.status()).append("] ").append(s.summary()).append('\n');
            s.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        }
        return b.toString();
    }

    /** One section as text (its own copy button). */
    public static String copyText(Section s) {
        StringBuilder b = new StringBuilder(s.title()).append(" [").append(s.status()).append("] ").append(s.summary()).append('\n');
        s.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** The findings behind the recommendation. */
    public ObservableList<Finding> supporting() {
        return supporting;
    }

    public ReadOnlyObjectProperty<Suggestion> recommendationProperty() {
        return recommendation;
    }

    /** Where the current request stands (REQUESTED, WAITING_FOR_CONSENT, RUNNING, REVIEWING, SENT, DECLINED, BUSY); null before the first. */
    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True while the session is secured (requests can go out). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }
}
