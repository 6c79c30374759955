package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** "Alex put text on your clipboard" / "Alex copied your clipboard", until dismissed or replaced. */
final class ClipboardNoticeBar extends HBox {
    ClipboardNoticeBar(GetHelpViewModel vm, Messages messages) {
        super(8);
        setId("clipboardNotice");
        getStyleClass().addAll("notice", "info", "clipboard-notice");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("clipboardNoticeText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            ClipboardEvent event = vm.clipboardNoticeProperty().get();
            String who = vm.technicianProperty().get() == null ? "" : vm.technicianProperty().get().name();
            return event == null ? "" : messages.get("clipboard.notice." + event.kind().name(), who);
        }, vm.clipboardNoticeProperty(), vm.technicianProperty(), messages.localeProperty()));
        Button dismiss = new Button("✕");
        dismiss.setId("clipboardNoticeDismiss");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> vm.dismissClipboardNotice());
        getChildren().addAll(Icons.icon(Icons.INFO, 16, "accent"), text, dismiss);
        visibleProperty().bind(vm.clipboardNoticeProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
