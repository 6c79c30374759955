package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.console.ConsoleSessionViewModel.Step;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.consent.Capability;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Under a session's header: the customer's current grants as chips (asked ones greyed), a
 * "Request…" menu with every capability not granted yet, and how many of our messages the
 * customer's app refused.
 */
final class GrantsBar extends FlowPane {
    private final GrantsViewModel grants;
    private final Messages messages;
    private final MenuButton request = new MenuButton();
    private final Label refused = new Label();

    GrantsBar(ConsoleSessionViewModel vm, Messages messages) {
        super(8, 6);
        this.grants = vm.grants();
        this.messages = messages;
        setId("grantsBar");
        getStyleClass().add("grants-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new javafx.geometry.Insets(6, 12, 6, 12));
        request.setId("requestCapability");
        request.textProperty().bind(messages.text("console.consent.request"));
        request.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        refused.setId("grantsRefused");
        refused.getStyleClass().add(Styles.DANGER);
        refused.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("console.consent.refused", grants.refusedProperty().get()),
                grants.refusedProperty(), messages.localeProperty()));
        refused.visibleProperty().bind(grants.refusedProperty().greaterThan(0));
        refused.managedProperty().bind(refused.visibleProperty());
        visibleProperty().bind(vm.stepProperty().isEqualTo(Step.SECURED));
        managedProperty().bind(visibleProperty());
        ListChangeListener<Capability> rebuild = change -> rebuild();
        grants.granted().addListener(rebuild);
        grants.asked().addListener(rebuild);
        messages.localeProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        request.getItems().clear();
        for (Capability capability : Capability.values()) {
            String name = messages.get("consent.capability." + capability.name());
            boolean granted = grants.granted().contains(capability);
            boolean asked = grants.asked().contains(capability);
            if (granted || asked) {
                HBox chip = new HBox(new Label(name));
                chip.setId("grant-" + capability.name());
                chip.getStyleClass().addAll("badge", granted ? "success" : "muted");
                getChildren().add(chip);
            } else {
                MenuItem item = new MenuItem(name);
                item.setId("request-" + capability.name());
                item.setOnAction(e -> grants.request(capability, ""));
                request.getItems().add(item);
            }
        }
        if (getChildren().isEmpty()) {
            Label none = new Label(messages.get("console.consent.none"));
            none.getStyleClass().add("hint");
            getChildren().add(none);
        }
        request.setDisable(request.getItems().isEmpty());
        getChildren().addAll(request, refused);
    }
}
