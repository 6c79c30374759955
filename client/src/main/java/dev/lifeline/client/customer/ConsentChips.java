package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import dev.lifeline.common.consent.Capability;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Under the title bar: one chip per live grant ("Clipboard ✕"), the ✕ revoking it with one click,
 * and how many of the technician's actions the app blocked for lack of permission.
 */
final class ConsentChips extends FlowPane {
    private final ConsentViewModel consent;
    private final Messages messages;
    private final Label refused = new Label();

    ConsentChips(GetHelpViewModel vm, Messages messages) {
        super(8, 6);
        this.consent = vm.consent();
        this.messages = messages;
        setId("consentChips");
        getStyleClass().add("consent-chips");
        setAlignment(Pos.CENTER_LEFT);
        refused.setId("consentRefused");
        refused.getStyleClass().addAll(Styles.DANGER, "hint");
        refused.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("gethelp.consent.refused", consent.refusedProperty().get()),
                consent.refusedProperty(), messages.localeProperty()));
        refused.visibleProperty().bind(consent.refusedProperty().greaterThan(0));
        refused.managedProperty().bind(refused.visibleProperty());
        visibleProperty().bind(Bindings.isNotEmpty(consent.granted()).or(consent.refusedProperty().greaterThan(0))
                .and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());
        consent.granted().addListener((ListChangeListener<Capability>) change -> rebuild());
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (Capability capability : consent.granted()) {
            Label name = new Label(messages.get("consent.capability." + capability.name()));
            Button revoke = new Button();
            revoke.setId("revoke-" + capability.name());
            revoke.setGraphic(Icons.icon(Icons.CLOSE, 10));
            revoke.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            revoke.setAccessibleText(messages.get("gethelp.consent.revoke", name.getText()));
            revoke.setOnAction(e -> consent.revoke(capability));
            HBox chip = new HBox(4, name, revoke);
            chip.setId("chip-" + capability.name());
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().addAll("badge", "success", "consent-chip");
            getChildren().add(chip);
        }
        getChildren().add(refused);
    }
}
