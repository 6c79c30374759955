package dev.lifeline.client.customer;

import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.common.consent.Capability;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Get Help's side of remote control: while the technician may use the mouse and keyboard, a
 * banner names the panic key (or says it is not available here) and offers a Take back button;
 * both go through {@link CustomerSessionHandle#panic()}, which revokes control through consent and
 * pauses the screen. Used on the FX thread.
 */
public final class RemoteControlBannerViewModel {
    private final ObjectProperty<ControlStatus> status = new SimpleObjectProperty<>(this, "status", ControlStatus.OFF);
    private final StringProperty panicKey = new SimpleStringProperty(this, "panicKey", "");
    private final StringProperty panicKeyUnavailable = new SimpleStringProperty(this, "panicKeyUnavailable", "no input hook");
    private final BooleanBinding granted;
    private CustomerSessionHandle handle;

    RemoteControlBannerViewModel(ConsentViewModel consent) {
        granted = Bindings.createBooleanBinding(() -> consent.granted().contains(Capability.CONTROL_INPUT), consent.granted());
    }

    void attach(CustomerSessionHandle sessionHandle) {
        this.handle = sessionHandle;
    }

    void reset() {
        handle = null;
        status.set(ControlStatus.OFF);
    }

    void statusChanged(ControlStatus s) {
        status.set(s);
    }

    /** The panic key or the banner's button: control revoked and the screen paused at once. */
    public void panic() {
        if (handle != null) {
            handle.panic();
        }
    }

    /** The app's global hotkey: its text ("Ctrl+Alt+Shift+End"), or why there is none. */
    public void panicKey(String text, String unavailableReason) {
        panicKey.set(text == null ? "" : text);
        panicKeyUnavailable.set(unavailableReason == null ? "" : unavailableReason);
    }

    /** The technician may use the mouse and keyboard now. */
    public BooleanBinding granted() {
        return granted;
    }

    public ReadOnlyObjectProperty<ControlStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty panicKeyProperty() {
        return panicKey;
    }

    /** Empty when the panic key works. */
    public ReadOnlyStringProperty panicKeyUnavailableProperty() {
        return panicKeyUnavailable;
    }
}
