package dev.lifeline.client.customer;

import dev.lifeline.client.consent.ConsentPrompt;
import dev.lifeline.client.consent.Refusal;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import dev.lifeline.common.consent.ConsentStatus;
import java.util.Objects;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The customer's side of per-capability consent in Get Help: the pending question (capabilities
 * other than the screen, which has its own card), a chip per live grant with one-click revoke, and
 * how many technician messages the app refused for lack of consent. Used on the FX thread. The
 * enforcement is not here but in the session ({@code ConsentGate}); this only shows and asks.
 */
public final class ConsentViewModel {
    private final ObjectProperty<ConsentPrompt> prompt = new SimpleObjectProperty<>(this, "prompt");
    private final ObservableList<Capability> granted = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would be collected with the listeners on it. */
    private final ObservableList<Capability> grantedView = FXCollections.unmodifiableObservableList(granted);
    private final LongProperty refused = new SimpleLongProperty(this, "refused", 0);
    private CustomerSessionHandle handle;

    void attach(CustomerSessionHandle sessionHandle) {
        this.handle = Objects.requireNonNull(sessionHandle);
    }

    void reset() {
        handle = null;
        prompt.set(null);
        granted.clear();
        refused.set(0);
    }

    void requested(ConsentPrompt asked) {
        if (handle != null) {
            prompt.set(asked);
        }
    }

    void changed(ConsentSnapshot snapshot) {
        granted.setAll(snapshot.granted());
        ConsentPrompt open = prompt.get();
        // Given up by the technician or answered elsewhere: the question no longer applies.
        if (open != null && open.capabilities().stream().noneMatch(c -> snapshot.status(c) == ConsentStatus.ASKED)) {
            prompt.set(null);
        }
    }

    void refused(Refusal refusal) {
        refused.set(Math.max(refused.get(), refusal.count()));
    }

    /** "Allow" on the card: every capability it lists. */
    public void allow() {
        answer(true);
    }

    /** "Don't allow" on the card. */
    public void deny() {
        answer(false);
    }

    private void answer(boolean allow) {
        ConsentPrompt open = prompt.get();
        if (open == null || handle == null) {
            return;
        }
        prompt.set(null);
        for (Capability capability : open.capabilities()) {
            if (allow) {
                handle.grant(capability);
            } else {
                handle.deny(capability);
            }
        }
    }

    /** The ✕ on a chip: takes the grant back at once (the chip goes before the session confirms). */
    public void revoke(Capability capability) {
        if (handle != null && granted.remove(capability)) {
            handle.revoke(capability);
        }
    }

    /** The pending question, or null. */
    public ReadOnlyObjectProperty<ConsentPrompt> promptProperty() {
        return prompt;
    }

    /** Live grants, one chip each. */
    public ObservableList<Capability> granted() {
        return grantedView;
    }

    /** Technician messages refused for lack of consent in this session. */
    public ReadOnlyLongProperty refusedProperty() {
        return refused;
    }
}
