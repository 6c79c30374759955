package dev.lifeline.client.files;

import dev.lifeline.client.session.TransferHandle;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.transfer.TransferStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files of one session, for either app: the transfers with their progress, offers waiting for
 * an answer, the folder offers are saved to, and whether the customer allows transfers at all.
 * The session enforces everything; this only shows it and forwards the person's clicks. Used on
 * the FX thread.
 */
public final class TransfersViewModel {
    private final ObservableList<TransferRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TransferRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FileOffered> offers = FXCollections.observableArrayList();
    private final ObservableList<FileOffered> offersView = FXCollections.unmodifiableObservableList(offers);
    private final BooleanProperty allowed = new SimpleBooleanProperty(this, "allowed", false);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder", defaultFolder());
    private TransferHandle handle;

    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    public void attach(TransferHandle sessionHandle) {
        this.handle = sessionHandle;
    }

    public void detach() {
        handle = null;
        offers.clear();
        allowed.set(false);
    }

    /** A new session: nothing listed. */
    public void reset() {
        detach();
        rows.clear();
    }

    public void consent(ConsentSnapshot snapshot) {
        allowed.set(snapshot.isGranted(Capability.TRANSFER_FILES));
    }

    public void status(TransferStatus status) {
        TransferRow row = find(status);
        if (row == null) {
            rows.add(0, new TransferRow(status));
        } else {
            row.update(status);
        }
        if (status.direction() == TransferStatus.Direction.INCOMING && status.state().finished()) {
            offers.removeIf(o -> o.id() == status.id());
        }
    }

    public void offered(FileOffered offer) {
        offers.add(offer);
    }

    /** Sends files (a drop or the file chooser); ignored unless the customer allows transfers. */
    public void send(List<Path> files) {
        if (handle == null || !allowed.get()) {
            return;
        }
        files.stream().filter(Files::isRegularFile).forEach(handle::offerFile);
    }

    public void accept(FileOffered offer) {
        if (handle != null && offers.remove(offer)) {
            handle.acceptFile(offer.id(), folder.get());
        }
    }

    public void decline(FileOffered offer) {
        if (handle != null && offers.remove(offer)) {
            handle.declineFile(offer.id());
        }
    }

    public void cancel(TransferRow row) {
        if (handle != null && !row.state().finished()) {
            handle.cancelTransfer(row.id(), row.direction());
        }
    }

    public void retry(TransferRow row) {
        if (handle != null && row.retryable() && allowed.get()) {
            handle.retryTransfer(row.id());
        }
    }

    private TransferRow find(TransferStatus status) {
        for (TransferRow row : rows) {
            if (row.id() == status.id() && row.direction() == status.direction()) {
                return row;
            }
        }
        return null;
    }

    /** Newest first. */
    public ObservableList<TransferRow> rows() {
        return rowsView;
    }

    /** Offers waiting for accept or decline, oldest first. */
    public ObservableList<FileOffered> offers() {
        return offersView;
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed;
    }

    /** Where accepted files go; the person may change it. */
    public ObjectProperty<Path> folderProperty() {
        return folder;
    }
}
