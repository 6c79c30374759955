package dev.lifeline.client.customer;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.handover.CustomerHandoverNotice;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Issue 6, under the screen banner: one row per technician who watches the screen ("Bob Stone is
 * watching your screen (view only)" with Remove), and after a transfer the notice "Alice is handing
 * you over to Bob; Bob will ask again…" that can be closed.
 */
final class HandoverBanner extends VBox {
    private final CustomerHandoverViewModel handover;
    private final Messages messages;
    private final VBox watcherRows = new VBox();

    HandoverBanner(GetHelpViewModel vm, Messages messages) {
        this.handover = vm.handover();
        this.messages = messages;
        setId("handoverBanner");
        watcherRows.setId("watcherRows");
        handover.watchers().addListener((ListChangeListener<String>) c -> rebuildWatchers());
        messages.localeProperty().addListener((obs, o, n) -> rebuildWatchers());
        rebuildWatchers();

        Label noticeText = new Label();
        noticeText.setId("transferNoticeText");
        noticeText.setWrapText(true);
        noticeText.textProperty().bind(Bindings.createStringBinding(() -> {
            CustomerHandoverNotice n = handover.transferProperty().get();
            return n == null ? "" : messages.get("gethelp.handover.transfer", n.from(), n.to());
        }, handover.transferProperty(), messages.localeProperty()));
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        noticeText.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button();
        dismiss.setId("dismissTransferNotice");
        dismiss.setGraphic(Icons.icon(Icons.CLOSE, 12));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.accessibleTextProperty().bind(messages.text("gethelp.screen.dismiss"));
        dismiss.setOnAction(e -> handover.dismissTransfer());
        HBox notice = new HBox(8, Icons.icon(Icons.INFO, 16), noticeText, dismiss);
        notice.getStyleClass().add("screen-notice");
        notice.setId("transferNotice");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.visibleProperty().bind(handover.transferProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().addAll(watcherRows, notice);
    }

    private void rebuildWatchers() {
        watcherRows.getChildren().clear();
        for (String name : handover.watchers()) {
            Label text = new Label(messages.get("gethelp.watch.watching", name));
            text.getStyleClass().add("screen-banner-text");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button remove = new Button(messages.get("gethelp.watch.remove"));
            remove.setId("removeWatcher-" + name.replaceAll("[^A-Za-z0-9]", "_"));
            remove.getStyleClass().addAll(Styles.SMALL, "screen-banner-button");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> handover.remove(name));
            HBox row = new HBox(10, Icons.icon(Icons.SCREEN, 20, "on-accent"), text, remove);
            row.getStyleClass().addAll("screen-banner", "watcher-banner");
            row.setAlignment(Pos.CENTER_LEFT);
            watcherRows.getChildren().add(row);
        }
    }
}
