package dev.lifeline.client.helprequest;

import dev.lifeline.client.helprequest.HelpRequestViewModel.Invalid;
import dev.lifeline.client.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Get Help's request form: name, the problem in a few words (with the characters left), an
 * optional contact, and what to fix when something is off. Placed on the first page by
 * {@code GetHelpView}; submitting is the page's Get help button.
 */
public final class HelpRequestForm extends VBox {
    public HelpRequestForm(HelpRequestViewModel vm, Messages messages, Runnable submit) {
        super(6);
        setId("helpRequestForm");
        setMaxWidth(360);
        setAlignment(Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("customerName");
        name.promptTextProperty().bind(messages.text("gethelp.name.prompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setOnAction(e -> submit.run());
        TextArea problem = new TextArea();
        problem.setId("requestProblem");
        problem.promptTextProperty().bind(messages.text("gethelp.request.problemPrompt"));
        problem.textProperty().bindBidirectional(vm.problemProperty());
        problem.setWrapText(true);
        problem.setPrefRowCount(2);
        // Typing stops at the limit (a paste may go over; the form then says so).
        problem.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().length() > HelpRequestViewModel.MAX_PROBLEM + 200 ? null : change));
        Label left = new Label();
        left.setId("problemLeft");
        left.getStyleClass().add("hint");
        left.textProperty().bind(messages.text("gethelp.request.left", vm.problemLeft()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label problemLabel = hint(messages, "gethelp.request.problemLabel");
        HBox problemHead = new HBox(problemLabel, spacer, left);
        TextField contact = new TextField();
        contact.setId("requestContact");
        contact.promptTextProperty().bind(messages.text("gethelp.request.contactPrompt"));
        contact.textProperty().bindBidirectional(vm.contactProperty());
        contact.setOnAction(e -> submit.run());

        Label error = new Label();
        error.setId("requestError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Invalid invalid = vm.invalidProperty().get();
            return invalid == null ? "" : messages.get("gethelp.request.error." + invalid.name());
        }, vm.invalidProperty(), messages.localeProperty()));
        error.visibleProperty().bind(vm.invalidProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        vm.invalidProperty().addListener((o, was, now) -> {
            if (now == Invalid.NAME_MISSING || now == Invalid.NAME_TOO_LONG) {
                name.requestFocus();
            } else if (now == Invalid.CONTACT_TOO_LONG) {
                contact.requestFocus();
            } else if (now != null) {
                problem.requestFocus();
            }
        });

        getChildren().addAll(hint(messages, "gethelp.request.nameLabel"), name, problemHead, problem,
                hint(messages, "gethelp.request.contactLabel"), contact, error, hint(messages, "gethelp.request.explain"));
    }

    private static Label hint(Messages messages, String key) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
