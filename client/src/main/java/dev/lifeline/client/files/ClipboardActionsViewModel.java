package dev.lifeline.client.files;

import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.clipboard.ClipboardText;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.consent.ConsentSnapshot;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Console's "Send clipboard" and "Get clipboard": the technician's own clipboard is read or
 * written through {@link SystemClipboard} (off the FX thread's hands), the customer's through the
 * session. {@link #lastEventProperty()} says what happened last. Used on the FX thread.
 */
public final class ClipboardActionsViewModel {
    private final SystemClipboard local;
    private final Executor uiExecutor;
    private final BooleanProperty allowed = new SimpleBooleanProperty(this, "allowed", false);
    private final ObjectProperty<ClipboardEvent> lastEvent = new SimpleObjectProperty<>(this, "lastEvent");
    private TechnicianSessionHandle handle;

    public ClipboardActionsViewModel(SystemClipboard local, Executor uiExecutor) {
        this.local = local;
        this.uiExecutor = uiExecutor;
    }

    public void attach(TechnicianSessionHandle sessionHandle) {
        this.handle = sessionHandle;
    }

    public void detach() {
        handle = null;
        allowed.set(false);
    }

    public void consent(ConsentSnapshot snapshot) {
        allowed.set(snapshot.isGranted(Capability.CLIPBOARD));
    }

    /** Our clipboard's text onto the customer's clipboard. */
    public void send() {
        TechnicianSessionHandle h = handle;
        if (h == null || !allowed.get()) {
            return;
        }
        local.readText().whenComplete((text, error) -> uiExecutor.execute(() -> {
            if (error != null) {
                lastEvent.set(new ClipboardEvent(ClipboardEvent.Kind.UNAVAILABLE, 0));
            } else if (text.isEmpty() || text.get().isEmpty()) {
                lastEvent.set(new ClipboardEvent(ClipboardEvent.Kind.EMPTY, 0));
            } else if (ClipboardText.utf8Length(text.get()) > ClipboardText.MAX_BYTES) {
                lastEvent.set(new ClipboardEvent(ClipboardEvent.Kind.TOO_LARGE, ClipboardText.utf8Length(text.get())));
            } else {
                h.sendClipboard(text.get());
            }
        }));
    }

    /** Asks for the customer's clipboard; it lands on ours when it comes. */
    public void get() {
        if (handle != null && allowed.get()) {
            handle.requestClipboard();
        }
    }

    public void event(ClipboardEvent event) {
        lastEvent.set(event);
    }

    /** The customer's text arrived: onto our clipboard. */
    public void received(String text) {
        local.writeText(text).whenComplete((done, error) -> {
            if (error != null) {
                uiExecutor.execute(() -> lastEvent.set(new ClipboardEvent(ClipboardEvent.Kind.UNAVAILABLE, 0)));
            }
        });
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed;
    }

    public ReadOnlyObjectProperty<ClipboardEvent> lastEventProperty() {
        return lastEvent;
    }
}
