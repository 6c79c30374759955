package dev.lifeline.client.console;

import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import java.util.Set;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the customer has granted in one Console session, as the customer's app reports it (the
 * Console enforces nothing: the customer's app does), plus the "Request…" menu's action and the
 * count of messages the customer's app refused. Used on the FX thread.
 */
public final class GrantsViewModel {
    private final ObservableList<Capability> granted = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would be collected with the listeners on it. */
    private final ObservableList<Capability> grantedView = FXCollections.unmodifiableObservableList(granted);
    private final ObservableList<Capability> asked = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would be collected with the listeners on it. */
    private final ObservableList<Capability> askedView = FXCollections.unmodifiableObservableList(asked);
    private final LongProperty refused = new SimpleLongProperty(this, "refused", 0);
    private TechnicianSessionHandle handle;

    void attach(TechnicianSessionHandle sessionHandle) {
        this.handle = sessionHandle;
    }

    void detach() {
        handle = null;
    }

    void changed(ConsentSnapshot snapshot) {
        granted.setAll(snapshot.granted());
        asked.setAll(snapshot.statuses().entrySet().stream()
                .filter(e -> e.getValue() == ConsentStatus.ASKED).map(java.util.Map.Entry::getKey).toList());
    }

    void refused(Refusal refusal) {
        refused.set(Math.max(refused.get(), refusal.count()));
    }

    /** An item of the "Request…" menu. Nothing changes here until the customer answers. */
    public void request(Capability capability, String reason) {
        if (handle != null && !granted.contains(capability)) {
            handle.requestCapabilities(Set.of(capability), reason);
        }
    }

    /** Gives a grant back. */
    public void giveUp(Capability capability) {
        if (handle != null && granted.contains(capability)) {
            handle.giveUp(capability);
        }
    }

    public ObservableList<Capability> granted() {
        return grantedView;
    }

    /** Asked and not answered yet. */
    public ObservableList<Capability> asked() {
        return askedView;
    }

    public ReadOnlyLongProperty refusedProperty() {
        return refused;
    }
}
