package dev.lifeline.client.files;

import atlantafx.base.theme.Styles;
import dev.lifeline.client.i18n.Messages;
import dev.lifeline.client.transfer.FileOffered;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The oldest waiting offer: who sends what, how big, the folder it will be saved in (with a
 * folder chooser), Accept and Decline. Hidden while nothing waits.
 */
public final class FileOfferCard extends VBox {
    private final TransfersViewModel vm;
    private final Label file = new Label();

    /** {@code title}: e.g. "Alex Demo wants to send you a file". */
    public FileOfferCard(TransfersViewModel vm, Messages messages, ObservableValue<String> title) {
        super(8);
        this.vm = vm;
        setId("fileOfferCard");
        getStyleClass().addAll("screen-consent", "file-offer-card");
        setMaxWidth(460);
        setMaxHeight(Region.USE_PREF_SIZE);
        Label heading = new Label();
        heading.textProperty().bind(title);
        heading.getStyleClass().add("notice-title");
        heading.setWrapText(true);
        file.setId("offeredFile");
        file.getStyleClass().add("offer-file");
        file.setWrapText(true);
        Label folder = new Label();
        folder.setId("offerFolder");
        folder.setWrapText(true);
        folder.getStyleClass().add("hint");
        StringBinding folderText = Bindings.createStringBinding(() -> messages.get("offer.saveTo",
                String.valueOf(vm.folderProperty().get())), vm.folderProperty(), messages.localeProperty());
        folder.textProperty().bind(folderText);
        Button change = new Button();
        change.setId("offerChangeFolder");
        change.textProperty().bind(messages.text("offer.change"));
        change.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        change.setOnAction(e -> chooseFolder());
        HBox folderRow = new HBox(8, folder, change);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        Button accept = new Button();
        accept.setId("offerAccept");
        accept.textProperty().bind(messages.text("offer.accept"));
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setDefaultButton(true);
        accept.setOnAction(e -> first().ifPresent(vm::accept));
        Button decline = new Button();
        decline.setId("offerDecline");
        decline.textProperty().bind(messages.text("offer.decline"));
        decline.setOnAction(e -> first().ifPresent(vm::decline));
        HBox buttons = new HBox(8, accept, decline);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, file, folderRow, buttons);
        vm.offers().addListener((ListChangeListener<FileOffered>) c -> refresh());
        refresh();
    }

    private java.util.Optional<FileOffered> first() {
        return vm.offers().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(vm.offers().get(0));
    }

    private void refresh() {
        boolean waiting = !vm.offers().isEmpty();
        setVisible(waiting);
        setManaged(waiting);
        first().ifPresent(o -> file.setText(o.name() + " (" + TransferListView.size(o.size()) + ")"));
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        Path now = vm.folderProperty().get();
        if (now != null && now.toFile().isDirectory()) {
            chooser.setInitialDirectory(now.toFile());
        }
        File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            vm.folderProperty().set(chosen.toPath());
        }
    }
}
