package dev.lifeline.client.console;

import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.wire.report.Outcome;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asked when the technician ends a session: the outcome (pre-selected from the recommendation),
 * notes, and the dispatch summary or bug report pre-filled from the findings.
 */
final class OutcomeDialog extends Dialog<Outcome> {

    OutcomeDialog(OutcomeViewModel vm, Messages messages, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(messages.get("console.outcome.title"));
        setHeaderText(messages.get("console.outcome.header",
                messages.get("console.diagnostics.recommendation." + vm.recommendation().name())));
        setResizable(true);
        ToggleGroup kinds = new ToggleGroup();
        VBox choices = new VBox(6);
        for (Outcome.Kind k : new Outcome.Kind[] {Outcome.Kind.RESOLVED_REMOTELY, Outcome.Kind.ONSITE_VISIT,
                Outcome.Kind.ESCALATED_TO_DEVELOPMENT, Outcome.Kind.NOT_RESOLVED}) {
            RadioButton b = new RadioButton(messages.get("console.outcome.kind." + k.name()));
            b.setId("outcome-" + k.name());
            b.setUserData(k);
            b.setToggleGroup(kinds);
            b.setSelected(vm.kindProperty().get() == k);
            choices.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, t) -> vm.kindProperty().set(t == null ? null : (Outcome.Kind) t.getUserData()));

        GridPane dispatch = form(messages,
                "problem", vm.problemProperty(), false,
                "evidence", vm.evidenceProperty(), true,
                "parts", vm.partsProperty(), false,
                "skills", vm.skillsProperty(), false,
                "address", vm.addressProperty(), true,
                "window", vm.windowProperty(), false);
        dispatch.setId("dispatchForm");
        GridPane bug = form(messages,
                "bugSummary", vm.bugSummaryProperty(), false,
                "steps", vm.stepsProperty(), true,
                "expected", vm.expectedProperty(), false,
                "actual", vm.actualProperty(), true,
                "environment", vm.environmentProperty(), true);
        bug.setId("bugForm");
        dispatch.visibleProperty().bind(vm.kindProperty().isEqualTo(Outcome.Kind.ONSITE_VISIT));
        dispatch.managedProperty().bind(dispatch.visibleProperty());
        bug.visibleProperty().bind(vm.kindProperty().isEqualTo(Outcome.Kind.ESCALATED_TO_DEVELOPMENT));
        bug.managedProperty().bind(bug.visibleProperty());

        TextArea notes = new TextArea();
        notes.setId("outcomeNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        VBox content = new VBox(10, choices, dispatch, bug, new Label(messages.get("console.outcome.notes")), notes);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(620);
        scroll.setPrefViewportHeight(520);
        getDialogPane().setContent(scroll);

        ButtonType save = new ButtonType(messages.get("console.outcome.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, save);
        getDialogPane().lookupButton(save).setId("saveOutcome");
        getDialogPane().lookupButton(save).disableProperty().bind(vm.completeProperty().not());
        setResultConverter(b -> b == save ? vm.outcome() : null);
    }

    private static GridPane form(Messages messages, Object... fields) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < fields.length; i += 3) {
            String key = (String) fields[i];
            @SuppressWarnings("unchecked")
            StringProperty value = (StringProperty) fields[i + 1];
            boolean multiline = (Boolean) fields[i + 2];
            TextInputControl input;
            if (multiline) {
                TextArea area = new TextArea();
                area.setPrefRowCount(3);
                area.setWrapText(true);
                input = area;
            } else {
                input = new TextField();
            }
            input.setId("outcome-" + key);
            input.textProperty().bindBidirectional(value);
            GridPane.setHgrow(input, Priority.ALWAYS);
            Label label = new Label(messages.get("console.outcome.field." + key));
            label.setMinWidth(120);
            grid.addRow(i / 3, label, input);
        }
        return grid;
    }

    Optional<Outcome> ask() {
        return showAndWait();
    }
}
