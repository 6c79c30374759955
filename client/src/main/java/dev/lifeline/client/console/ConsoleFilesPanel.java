package dev.lifeline.client.console;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.console.ConsoleSessionViewModel.Step;
import dev.lifeline.client.files.FileOfferCard;
import dev.lifeline.client.files.TransferListView;
import dev.lifeline.client.files.TransfersViewModel;
import dev.lifeline.client.i18n.Messages;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Under the chat: Send file…, Send clipboard, Get clipboard (enabled while the customer allows
 * them), the customer's file offers with a folder chooser, and the transfers with progress and
 * cancel. Files dropped anywhere on the session are sent too.
 */
final class ConsoleFilesPanel extends VBox {
    ConsoleFilesPanel(ConsoleSessionViewModel vm, Messages messages) {
        super(6);
        setId("filesPanel");
        getStyleClass().add("files-panel");
        Label title = new Label();
        title.textProperty().bind(messages.text("files.title"));
        title.getStyleClass().add("panel-title");

        Button sendFile = button("sendFile", "files.send", messages);
        sendFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
            if (files != null) {
                vm.transfers().send(files.stream().map(File::toPath).toList());
            }
        });
        sendFile.disableProperty().bind(vm.transfers().allowedProperty().not());
        Button sendClipboard = button("sendClipboard", "clipboard.send", messages);
        sendClipboard.setOnAction(e -> vm.clipboard().send());
        sendClipboard.disableProperty().bind(vm.clipboard().allowedProperty().not());
        Button getClipboard = button("getClipboard", "clipboard.get", messages);
        getClipboard.setOnAction(e -> vm.clipboard().get());
        getClipboard.disableProperty().bind(vm.clipboard().allowedProperty().not());
        FlowPane actions = new FlowPane(6, 6, sendFile, sendClipboard, getClipboard);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label();
        hint.setId("filesHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            ClipboardEvent last = vm.clipboard().lastEventProperty().get();
            if (last != null) {
                return messages.get("clipboard.event." + last.kind().name(), sizeOf(last.bytes()));
            }
            return vm.transfers().allowedProperty().get() ? messages.get("files.dropHint") : messages.get("files.notAllowed");
        }, vm.clipboard().lastEventProperty(), vm.transfers().allowedProperty(), messages.localeProperty()));

        FileOfferCard offer = new FileOfferCard(vm.transfers(), messages, messages.text("offer.titleConsole"));
        TransferListView list = new TransferListView(vm.transfers(), messages);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(220);
        scroll.visibleProperty().bind(list.visibleProperty());
        scroll.managedProperty().bind(list.visibleProperty());
        getChildren().addAll(title, actions, hint, offer, scroll);
        visibleProperty().bind(vm.stepProperty().isEqualTo(Step.SECURED));
        managedProperty().bind(visibleProperty());
    }

    private static String sizeOf(long bytes) {
        return bytes >= 1000 ? (bytes / 1000) + " KB" : bytes + " B";
    }

    private static Button button(String id, String key, Messages messages) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.text(key));
        b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        b.setTooltip(new Tooltip());
        b.getTooltip().textProperty().bind(messages.text(key + ".tooltip"));
        return b;
    }

    /** Files dropped on the session are offered to the customer (when they allow transfers). */
    static void acceptDrops(Node target, TransfersViewModel transfers) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && transfers.allowedProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && transfers.allowedProperty().get()) {
                transfers.send(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
