package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.session.PeerInfo;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * While the technician may use the mouse and keyboard: "Alice can use your mouse and keyboard.
 * Press Ctrl+Alt+Shift+End to take control back at once. [Take back]". Always visible, like the
 * screen-sharing banner.
 */
final class RemoteControlBanner extends HBox {
    RemoteControlBanner(GetHelpViewModel vm, Messages messages) {
        super(10);
        RemoteControlBannerViewModel control = vm.control();
        setId("controlBanner");
        getStyleClass().add("control-banner");
        setAlignment(Pos.CENTER_LEFT);

        Label text = new Label();
        text.setId("controlBannerText");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            PeerInfo t = vm.technicianProperty().get();
            String who = t == null ? "" : t.name();
            ControlStatus s = control.statusProperty().get();
            if (s.state() == ControlStatus.State.UNAVAILABLE) {
                return messages.get("gethelp.control.unavailable", s.detail());
            }
            String key = control.panicKeyProperty().get();
            String unavailable = control.panicKeyUnavailableProperty().get();
            return unavailable.isEmpty() && !key.isEmpty() ? messages.get("gethelp.control.banner", who, key)
                    : messages.get("gethelp.control.bannerNoHotkey", who, unavailable);
        }, vm.technicianProperty(), control.statusProperty(), control.panicKeyProperty(),
                control.panicKeyUnavailableProperty(), messages.localeProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button takeBack = new Button();
        takeBack.setId("takeBackControl");
        takeBack.textProperty().bind(messages.text("gethelp.control.stop"));
        takeBack.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        takeBack.setMinWidth(Region.USE_PREF_SIZE);
        takeBack.setOnAction(e -> control.panic());

        getChildren().addAll(Icons.icon(Icons.WARNING, 18), text, takeBack);
        visibleProperty().bind(control.granted().and(vm.stepProperty().isEqualTo(GetHelpViewModel.Step.SECURED)));
        managedProperty().bind(visibleProperty());
    }
}
