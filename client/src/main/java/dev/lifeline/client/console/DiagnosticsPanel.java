package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.diagnostics.ProbeCatalogue;
import dev.lifeline.common.report.ReportDrafts;
import dev.lifeline.common.wire.diagnostics.DiagnosticsProgress.Stage;
import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Diagnostics tab of a session: pick probes or run the full check, see where the request
 * stands, the recommendation with its evidence, the findings, and each probe's result in its own
 * section with a copy button.
 */
final class DiagnosticsPanel extends VBox {
    private final DiagnosticsViewModel vm;
    private final Messages messages;
    private final VBox recommendationBox = new VBox(4);
    private final VBox findingsBox = new VBox(6);
    private final VBox sectionsBox = new VBox(4);

    DiagnosticsPanel(DiagnosticsViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("diagnosticsPanel");
        getStyleClass().add("diagnostics-panel");
        setSpacing(8);

        Button full = new Button();
        full.setId("fullCheck");
        full.textProperty().bind(messages.text("console.diagnostics.full"));
        full.getStyleClass().add(Styles.ACCENT);
        full.setOnAction(e -> vm.requestFullCheck());
        full.disableProperty().bind(vm.availableProperty().not().or(vm.busyProperty()));
        Button chosen = new Button();
        chosen.setId("runChosen");
        chosen.textProperty().bind(messages.text("console.diagnostics.runChosen"));
        chosen.setOnAction(e -> vm.requestChosen());
        chosen.disableProperty().bind(full.disableProperty());
        Button copy = new Button();
        copy.setId("copyDiagnostics");
        copy.textProperty().bind(messages.text("console.diagnostics.copy"));
        copy.getStyleClass().add(Styles.BUTTON_OUTLINED);
        copy.setOnAction(e -> toClipboard(vm.copyText()));
        copy.disableProperty().bind(Bindings.isEmpty(vm.sections()));
        HBox buttons = new HBox(8, full, chosen, copy);
        buttons.setAlignment(Pos.CENTER_LEFT);

        FlowPane probes = new FlowPane(10, 4);
        for (Probe p : ProbeCatalogue.ALL) {
            CheckBox box = new CheckBox(ProbeCatalogue.title(p));
            box.setId("probe-" + ProbeCatalogue.name(p));
            box.selectedProperty().bindBidirectional(vm.chosenProperty(p));
            probes.getChildren().add(box);
        }

        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(14, 14);
        spin.visibleProperty().bind(vm.busyProperty());
        spin.managedProperty().bind(spin.visibleProperty());
        Label stage = new Label();
        stage.setId("diagnosticsStage");
        stage.setWrapText(true);
        stage.textProperty().bind(Bindings.createStringBinding(() -> {
            Stage s = vm.stageProperty().get();
            return s == null ? messages.get("console.diagnostics.hint") : messages.get("console.diagnostics.stage." + s.name());
        }, vm.stageProperty(), messages.localeProperty()));
        HBox status = new HBox(6, spin, stage);
        status.setAlignment(Pos.CENTER_LEFT);

        recommendationBox.setId("recommendation");
        recommendationBox.getStyleClass().add("diagnostics-recommendation");
        findingsBox.setId("findings");
        sectionsBox.setId("diagnosticsSections");
        VBox results = new VBox(10, recommendationBox, findingsBox, sectionsBox);
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(buttons, probes, status, scroll);

        vm.findings().addListener((ListChangeListener<Finding>) c -> rebuildFindings());
        vm.recommendationProperty().addListener((o, a, b) -> rebuildFindings());
        vm.sections().addListener((ListChangeListener<DiagnosticsViewModel.Section>) c -> rebuildSections());
        messages.localeProperty().addListener((o, a, b) -> {
            rebuildFindings();
            rebuildSections();
        });
        rebuildFindings();
        rebuildSections();
    }

    private void rebuildFindings() {
        recommendationBox.getChildren().clear();
        findingsBox.getChildren().clear();
        Suggestion r = vm.recommendationProperty().get();
        recommendationBox.setVisible(r != null);
        recommendationBox.setManaged(r != null);
        if (r == null) {
            return;
        }
        Label title = new Label(messages.get("console.diagnostics.recommendation." + r.name()));
        title.setId("recommendationText");
        title.getStyleClass().addAll(Styles.TITLE_4, r == Suggestion.ONSITE_VISIT ? Styles.DANGER
                : r == Suggestion.ESCALATE_DEVELOPMENT ? Styles.WARNING : Styles.SUCCESS);
        recommendationBox.getChildren().add(title);
        if (vm.supporting().isEmpty()) {
            recommendationBox.getChildren().add(wrap(messages.get("console.diagnostics.noWarnings"), "hint"));
        }
        for (Finding f : vm.supporting()) {
            f.getEvidenceList().forEach(e -> recommendationBox.getChildren().add(wrap("• " + ReportDrafts.evidenceLine(e), null)));
        }
        for (Finding f : vm.findings()) {
            Label severity = new Label(f.getSeverity().name());
            severity.getStyleClass().addAll("badge", f.getSeverity() == Severity.CRITICAL ? Styles.DANGER
                    : f.getSeverity() == Severity.WARNING ? Styles.WARNING : Styles.ACCENT);
            Label summary = wrap(f.getSummary(), null);
            summary.getStyleClass().add(Styles.TEXT_BOLD);
            Label suggestion = new Label(messages.get("console.diagnostics.suggestion." + f.getSuggestion().name()));
            suggestion.getStyleClass().add("hint");
            HBox head = new HBox(6, severity, summary);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, head, suggestion, wrap(f.getAdvice(), null));
            f.getEvidenceList().forEach(e -> box.getChildren().add(wrap("  " + ReportDrafts.evidenceLine(e), "hint")));
            box.getStyleClass().add("diagnostics-finding");
            findingsBox.getChildren().add(box);
        }
    }

    private void rebuildSections() {
        sectionsBox.getChildren().clear();
        for (DiagnosticsViewModel.Section s : vm.sections()) {
            VBox body = new VBox(2);
            body.getChildren().add(wrap(s.summary(), Styles.TEXT_BOLD));
            s.lines().forEach(l -> {
                Label line = wrap(l, "diagnostics-line");
                body.getChildren().add(line);
            });
            Button copy = new Button(messages.get("console.diagnostics.copySection"));
            copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            copy.setOnAction(e -> toClipboard(DiagnosticsViewModel.copyText(s)));
            body.getChildren().add(copy);
            TitledPane pane = new TitledPane(s.title() + " · " + messages.get("console.diagnostics.status." + s.status().name()), body);
            pane.setId("section-" + ProbeCatalogue.name(s.probe()));
            pane.setExpanded(s.status() != ProbeStatus.OK || sectionsBox.getChildren().isEmpty());
            if (s.status() == ProbeStatus.WITHHELD || s.status() == ProbeStatus.UNAVAILABLE) {
                pane.getStyleClass().add("diagnostics-muted");
            }
            sectionsBox.getChildren().add(pane);
        }
    }

    private static Label wrap(String text, String styleClass) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    Node node() {
        return this;
    }
}
