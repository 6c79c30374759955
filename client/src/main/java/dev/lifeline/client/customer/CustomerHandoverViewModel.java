package dev.lifeline.client.customer;

import dev.lifeline.client.handover.CustomerHandoverNotice;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.session.CustomerSessionHandle;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Get Help's part of transfer and watch (issue 6): the notice that the technician hands the
 * customer over (grants ended, the new technician asks again), the question whether someone may
 * watch, and who is watching now, each removable in one click. FX thread only.
 */
public final class CustomerHandoverViewModel {
    private final ObjectProperty<CustomerHandoverNotice> transfer = new SimpleObjectProperty<>(this, "transfer");
    private final ObjectProperty<CustomerHandoverNotice> watchRequest = new SimpleObjectProperty<>(this, "watchRequest");
    private final ObservableList<String> watchers = FXCollections.observableArrayList();
    /** One read-only view, kept: the wrapper listens to the list weakly, so a fresh one per call would lose listeners. */
    private final ObservableList<String> watchersView = FXCollections.unmodifiableObservableList(watchers);
    private CustomerSessionHandle handle;

    void attach(CustomerSessionHandle session) {
        this.handle = session;
    }

    void reset() {
        handle = null;
        transfer.set(null);
        watchRequest.set(null);
        watchers.clear();
    }

    /** From the session (already on the FX thread). */
    void notice(CustomerHandoverNotice notice) {
        if (notice.kind() == HandoverEvent.Kind.TRANSFER) {
            watchRequest.set(null);
            transfer.set(notice);
        } else {
            watchRequest.set(notice);
        }
    }

    void watchers(List<String> names) {
        watchers.setAll(names);
    }

    public void allowWatch() {
        answer(true);
    }

    public void denyWatch() {
        answer(false);
    }

    private void answer(boolean allow) {
        CustomerSessionHandle h = handle;
        if (watchRequest.get() == null || h == null) {
            return;
        }
        watchRequest.set(null);
        h.answerWatch(allow);
    }

    /** One click: the watcher sees nothing more from now on. */
    public void remove(String watcher) {
        CustomerSessionHandle h = handle;
        if (h != null && watchers.remove(watcher)) {
            h.removeWatcher(watcher);
        }
    }

    public void dismissTransfer() {
        transfer.set(null);
    }

    /** The last transfer notice ("A is handing you over to B"), until dismissed; null when none. */
    public ReadOnlyObjectProperty<CustomerHandoverNotice> transferProperty() {
        return transfer;
    }

    /** A pending "B wants to watch your screen with A" question; null when none. */
    public ReadOnlyObjectProperty<CustomerHandoverNotice> watchRequestProperty() {
        return watchRequest;
    }

    /** Who watches the screen besides the technician, by the name in their certificate. */
    public ObservableList<String> watchers() {
        return watchersView;
    }
}
