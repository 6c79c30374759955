package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.SystemCombo;
import dev.lifeline.client.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The remote-control part of the screen tool bar: Take control / Release control, the laser
 * pointer, the Keys menu (Ctrl+Alt+Del, Alt+Tab, ...), and what the customer's app says (the
 * customer is using the mouse, control unavailable, system keys not captured here).
 */
final class RemoteControlBar extends HBox {
    RemoteControlBar(RemoteControlViewModel control, RemoteScreenViewModel screen, Messages messages) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        setId("remoteControlBar");
        getStyleClass().add("screen-toolbar");

        Button take = new Button();
        take.setId("takeControl");
        take.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                control.controllingProperty().get() ? "console.control.release"
                        : control.askingProperty().get() ? "console.control.asking" : "console.control.take"),
                control.controllingProperty(), control.askingProperty(), messages.localeProperty()));
        Tooltip takeTip = new Tooltip();
        takeTip.textProperty().bind(messages.text("console.control.take.tooltip"));
        take.setTooltip(takeTip);
        take.setOnAction(e -> control.toggleControl());
        take.disableProperty().bind(control.canTakeControl().not().and(control.controllingProperty().not()));
        take.setMinWidth(Region.USE_PREF_SIZE);
        control.controllingProperty().addListener((obs, o, on) -> {
            take.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            take.getStyleClass().add(on ? Styles.DANGER : Styles.ACCENT);
        });
        take.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);

        ToggleButton laser = new ToggleButton();
        laser.setId("laserPointer");
        laser.textProperty().bind(messages.text("console.control.laser"));
        Tooltip laserTip = new Tooltip();
        laserTip.textProperty().bind(messages.text("console.control.laser.tooltip"));
        laser.setTooltip(laserTip);
        laser.selectedProperty().bindBidirectional(control.laserProperty());
        laser.disableProperty().bind(control.canTakeControl().not());
        laser.getStyleClass().add(Styles.SMALL);
        laser.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton keys = new MenuButton();
        keys.setId("systemKeys");
        keys.textProperty().bind(messages.text("console.control.keys"));
        keys.getStyleClass().add(Styles.SMALL);
        for (SystemCombo combo : SystemCombo.values()) {
            MenuItem item = new MenuItem();
            item.setId("combo-" + combo.name());
            item.textProperty().bind(messages.text("console.control.combo." + combo.name()));
            item.setOnAction(e -> control.sendCombo(combo));
            keys.getItems().add(item);
        }
        keys.visibleProperty().bind(control.controllingProperty());
        keys.managedProperty().bind(keys.visibleProperty());
        keys.setMinWidth(Region.USE_PREF_SIZE);

        Label state = new Label();
        state.setId("controlStatus");
        state.getStyleClass().add("control-status");
        state.setWrapText(false);
        state.textProperty().bind(Bindings.createStringBinding(() -> statusText(control, messages),
                control.customerStatusProperty(), control.controllingProperty(), control.systemKeysProperty(),
                messages.localeProperty()));
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(state.textProperty());
        state.setTooltip(stateTip); // the line may be cut in a narrow window
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());

        getChildren().addAll(take, laser, keys, state);
        visibleProperty().bind(screen.viewing());
        managedProperty().bind(visibleProperty());
    }

    private static String statusText(RemoteControlViewModel control, Messages messages) {
        ControlStatus s = control.customerStatusProperty().get();
        if (s.state() == ControlStatus.State.CUSTOMER_ACTIVE) {
            return messages.get("console.control.customer." + (s.device() == null ? ControlStatus.LocalDevice.MOUSE : s.device()).name());
        }
        if (s.state() == ControlStatus.State.UNAVAILABLE) {
            return messages.get("console.control.unavailable", s.detail());
        }
        String keys = control.systemKeysProperty().get();
        if (control.controllingProperty().get() && !keys.isEmpty()) {
            return messages.get("console.control.systemKeysOff", keys);
        }
        return "";
    }
}
