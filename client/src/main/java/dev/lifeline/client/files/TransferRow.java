package dev.lifeline.client.files;

import dev.lifeline.common.transfer.TransferError;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One transfer in a list, updated in place as its status changes. Used on the FX thread. */
public final class TransferRow {
    private final long id;
    private final Direction direction;
    private final String name;
    private final LongProperty size = new SimpleLongProperty(this, "size");
    private final LongProperty bytesDone = new SimpleLongProperty(this, "bytesDone");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<TransferError> error = new SimpleObjectProperty<>(this, "error");
    private final StringProperty savedAs = new SimpleStringProperty(this, "savedAs", "");

    TransferRow(TransferStatus status) {
        this.id = status.id();
        this.direction = status.direction();
        this.name = status.name();
        update(status);
    }

    void update(TransferStatus status) {
        size.set(status.size());
        bytesDone.set(status.bytesDone());
        progress.set(status.fraction());
        error.set(status.error());
        savedAs.set(status.savedAs());
        state.set(status.state());
    }

    public long id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    public String name() {
        return name;
    }

    public ReadOnlyLongProperty sizeProperty() {
        return size;
    }

    public ReadOnlyLongProperty bytesDoneProperty() {
        return bytesDone;
    }

    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<TransferState> stateProperty() {
        return state;
    }

    public TransferState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<TransferError> errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty savedAsProperty() {
        return savedAs;
    }

    /** A finished outgoing transfer that did not arrive can be offered again. */
    public boolean retryable() {
        return direction == Direction.OUTGOING && (state.get() == TransferState.FAILED || state.get() == TransferState.CANCELLED)
                && error.get() != TransferError.DECLINED;
    }
}
