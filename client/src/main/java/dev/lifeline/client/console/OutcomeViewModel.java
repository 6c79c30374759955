package dev.lifeline.client.console;

import dev.lifeline.client.report.SessionRecord;
import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.report.ReportDrafts;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.report.BugReport;
import dev.lifeline.common.wire.report.DispatchSummary;
import dev.lifeline.common.wire.report.Outcome;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The outcome the technician records when ending a session: resolved remotely, on-site visit
 * (dispatch summary pre-filled from the findings), escalated to development (bug report
 * pre-filled, with the environment from the system probe) or not resolved; plus notes. The
 * choice starts at what the rules recommend; the technician decides.
 */
public final class OutcomeViewModel {
    private final ObjectProperty<Outcome.Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty evidence = new SimpleStringProperty(this, "evidence", "");
    private final StringProperty parts = new SimpleStringProperty(this, "parts", "");
    private final StringProperty skills = new SimpleStringProperty(this, "skills", "");
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty window = new SimpleStringProperty(this, "window", "");
    private final StringProperty bugSummary = new SimpleStringProperty(this, "bugSummary", "");
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final StringProperty expected = new SimpleStringProperty(this, "expected", "");
    private final StringProperty actual = new SimpleStringProperty(this, "actual", "");
    private final StringProperty environment = new SimpleStringProperty(this, "environment", "");
    private final Suggestion recommendation;
    private final List<Probe> attached;
    private final BooleanBinding complete;

    OutcomeViewModel(SessionRecord record) {
        Evaluation e = record.evaluation();
        recommendation = e.recommendation();
        kind.set(switch (recommendation) {
            case ONSITE_VISIT -> Outcome.Kind.ONSITE_VISIT;
            case ESCALATE_DEVELOPMENT -> Outcome.Kind.ESCALATED_TO_DEVELOPMENT;
            default -> Outcome.Kind.RESOLVED_REMOTELY;
        });
        DispatchSummary d = ReportDrafts.dispatch(e, record.customer().getAddress(), "");
        problem.set(d.getProblem());
        evidence.set(String.join("\n", d.getEvidenceList()));
        parts.set(String.join(", ", d.getPartsList()));
        skills.set(String.join(", ", d.getSkillsList()));
        address.set(d.getCustomerAddress());
        BugReport bug = ReportDrafts.bug(e, record.latest());
        bugSummary.set(bug.getSummary());
        steps.set(bug.getSteps());
        expected.set(bug.getExpected());
        actual.set(bug.getActual());
        environment.set(bug.getEnvironment());
        attached = bug.getAttachedList();
        // A visit needs a place and a problem; a bug report needs a summary.
        complete = Bindings.createBooleanBinding(() -> kind.get() != null
                && (kind.get() != Outcome.Kind.ONSITE_VISIT || (!problem.get().isBlank() && !address.get().isBlank()))
                && (kind.get() != Outcome.Kind.ESCALATED_TO_DEVELOPMENT || !bugSummary.get().isBlank()),
                kind, problem, address, bugSummary);
    }

    /** The outcome as chosen and edited. */
    public Outcome outcome() {
        Outcome.Builder o = Outcome.newBuilder().setKind(kind.get()).setNotes(notes.get().strip());
        if (kind.get() == Outcome.Kind.ONSITE_VISIT) {
            o.setDispatch(DispatchSummary.newBuilder().setProblem(problem.get().strip())
                    .addAllEvidence(lines(evidence.get())).addAllParts(list(parts.get())).addAllSkills(list(skills.get()))
                    .setCustomerAddress(address.get().strip()).setPreferredWindow(window.get().strip()));
        } else if (kind.get() == Outcome.Kind.ESCALATED_TO_DEVELOPMENT) {
            o.setBug(BugReport.newBuilder().setSummary(bugSummary.get().strip()).setSteps(steps.get().strip())
                    .setExpected(expected.get().strip()).setActual(actual.get().strip()).setEnvironment(environment.get().strip())
                    .addAllAttached(attached));
        }
        return o.build();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Suggestion recommendation() {
        return recommendation;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }

    public ObjectProperty<Outcome.Kind> kindProperty() {
        return kind;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty evidenceProperty() {
        return evidence;
    }

    public StringProperty partsProperty() {
        return parts;
    }

    public StringProperty skillsProperty() {
        return skills;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public StringProperty bugSummaryProperty() {
        return bugSummary;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty expectedProperty() {
        return expected;
    }

    public StringProperty actualProperty() {
        return actual;
    }

    public StringProperty environmentProperty() {
        return environment;
    }
}
