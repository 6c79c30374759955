package dev.lifeline.client.files;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The session's transfers, newest first: name, direction, progress bar, state, Cancel or Retry. */
public final class TransferListView extends VBox {
    private final TransfersViewModel vm;
    private final Messages messages;

    public TransferListView(TransfersViewModel vm, Messages messages) {
        super(6);
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("transfer-list");
        setId("transferList");
        vm.rows().addListener((ListChangeListener<TransferRow>) change -> rebuild());
        visibleProperty().bind(Bindings.isNotEmpty(vm.rows()));
        managedProperty().bind(visibleProperty());
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(vm.rows().stream().limit(20).map(this::row).toList());
    }

    private Node row(TransferRow row) {
        Label arrow = new Label(row.direction() == Direction.OUTGOING ? "↑" : "↓");
        arrow.getStyleClass().add("transfer-arrow");
        Label name = new Label(row.name());
        name.getStyleClass().add("transfer-name");
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Button cancel = new Button();
        cancel.setId("cancel-" + row.direction() + "-" + row.id());
        cancel.textProperty().bind(messages.text("transfer.cancel"));
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.DANGER);
        cancel.setOnAction(e -> vm.cancel(row));
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !row.state().finished(), row.stateProperty()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button retry = new Button();
        retry.setId("retry-" + row.id());
        retry.textProperty().bind(messages.text("transfer.retry"));
        retry.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        retry.setOnAction(e -> vm.retry(row));
        retry.visibleProperty().bind(Bindings.createBooleanBinding(row::retryable, row.stateProperty(), row.errorProperty()));
        retry.managedProperty().bind(retry.visibleProperty());
        HBox top = new HBox(6, arrow, name, cancel, retry);
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(row.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.SMALL);
        bar.visibleProperty().bind(Bindings.createBooleanBinding(() -> !row.state().finished(), row.stateProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        Label state = new Label();
        state.setId("transfer-state-" + row.direction() + "-" + row.id());
        state.getStyleClass().add("hint");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> describe(row), row.stateProperty(),
                row.bytesDoneProperty(), row.errorProperty(), row.savedAsProperty(), messages.localeProperty()));
        Bindings.createBooleanBinding(() -> row.state() == TransferState.FAILED, row.stateProperty())
                .addListener((obs, o, failed) -> state.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), failed));
        VBox box = new VBox(3, top, bar, state);
        box.getStyleClass().add("transfer-row");
        box.setId("transfer-" + row.direction() + "-" + row.id());
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private String describe(TransferRow row) {
        TransferState s = row.state();
        return switch (s) {
            case OFFERED -> messages.get("transfer.state.OFFERED");
            case RUNNING -> messages.get("transfer.state.RUNNING", size(row.bytesDoneProperty().get()), size(row.sizeProperty().get()));
            case VERIFYING -> messages.get("transfer.state.VERIFYING");
            case COMPLETED -> row.direction() == Direction.INCOMING
                    ? messages.get("transfer.state.COMPLETED.in", row.savedAsProperty().get())
                    : messages.get("transfer.state.COMPLETED.out", size(row.sizeProperty().get()));
            case CANCELLED, FAILED -> row.errorProperty().get() == null ? messages.get("transfer.state.CANCELLED")
                    : messages.get("transfer.error." + row.errorProperty().get().name());
        };
    }

    /** 1.5 MB, 820 KB, 12 B. */
    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1000) {
            return String.format(Locale.ROOT, "%d KB", bytes / 1000);
        }
        return bytes + " B";
    }
}
