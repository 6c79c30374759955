package dev.lifeline.client.firststart;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.firststart.FirstStartViewModel.Problem;
import dev.lifeline.client.i18n.LanguagePicker;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** The one-time question of a Get Help without an organisation bundle: which relay to use. */
public final class FirstStartView extends BorderPane {
    public FirstStartView(FirstStartViewModel vm, Messages messages) {
        getStyleClass().add("get-help");

        Label appTitle = label(messages, "gethelp.appTitle", "app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox topBar = new HBox(Icons.icon(Icons.HELP, 20, "accent"), appTitle, spacer, new LanguagePicker(messages));
        topBar.getStyleClass().add("top-bar");
        setTop(topBar);

        Label heading = label(messages, "firststart.title", "step-title");
        Label text = label(messages, "firststart.text", "step-text");

        TextField address = new TextField();
        address.setId("relayAddress");
        address.setPromptText("relay.example.com:7443");
        address.textProperty().bindBidirectional(vm.addressProperty());
        Label addressLabel = label(messages, "firststart.address", "hint");
        addressLabel.setLabelFor(address);

        TextField fingerprint = new TextField();
        fingerprint.setId("relayFingerprint");
        fingerprint.setPromptText("AB:CD:EF:…");
        fingerprint.textProperty().bindBidirectional(vm.fingerprintProperty());
        Label fingerprintLabel = label(messages, "firststart.fingerprint", "hint");
        fingerprintLabel.setLabelFor(fingerprint);

        Label problem = new Label();
        problem.setId("firstStartProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            Problem p = vm.problemProperty().get();
            return p == Problem.NONE ? "" : messages.get("firststart.problem." + p.name().toLowerCase().replace('_', '-'));
        }, vm.problemProperty(), messages.localeProperty()));
        problem.visibleProperty().bind(vm.problemProperty().isNotEqualTo(Problem.NONE));
        problem.managedProperty().bind(problem.visibleProperty());

        Button connect = new Button();
        connect.setId("firstStartConnect");
        connect.textProperty().bind(messages.text("firststart.connect"));
        connect.getStyleClass().addAll(Styles.ACCENT, "big-button");
        connect.setDefaultButton(true);
        connect.setMinWidth(300);
        connect.setOnAction(e -> vm.connect());

        VBox fields = new VBox(4, addressLabel, address, new Region(), fingerprintLabel, fingerprint, problem);
        fields.setMaxWidth(320);
        fields.setAlignment(Pos.CENTER_LEFT);
        Label hint = label(messages, "firststart.hint", "hint");
        hint.setTextAlignment(TextAlignment.CENTER);
        VBox page = new VBox(12, Icons.icon(Icons.HELP, 64, "accent"), heading, text, fields, connect, hint);
        page.getStyleClass().add("step");
        page.setId("firstStartPage");
        for (var n : page.getChildren()) {
            if (n instanceof Label l) {
                l.setWrapText(true);
            }
        }
        setCenter(page);
    }

    private static Label label(Messages messages, String key, String styleClass) {
        Label l = new Label();
        l.textProperty().bind(messages.text(key));
        l.getStyleClass().add(styleClass);
        return l;
    }
}
