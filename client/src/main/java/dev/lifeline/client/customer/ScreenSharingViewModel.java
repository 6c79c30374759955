package dev.lifeline.client.customer;

import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.CustomerSessionHandle;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The customer's side of screen sharing: the consent question, then Pause / Resume / Stop while
 * the technician can see the screen, and a short notice when it ended or cannot work. Used on the
 * FX thread; {@link GetHelpViewModel} hops there with each event.
 */
public final class ScreenSharingViewModel {
    private final BooleanProperty asking = new SimpleBooleanProperty(this, "asking", false);
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", Status.OFF);
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanBinding shared;
    private final BooleanBinding noticeShown;
    private CustomerSessionHandle handle;

    ScreenSharingViewModel() {
        shared = Bindings.createBooleanBinding(
                () -> status.get() == Status.SHARING || status.get() == Status.PAUSED, status);
        noticeShown = Bindings.createBooleanBinding(() -> status.get() == Status.DENIED
                || status.get() == Status.STOPPED || status.get() == Status.UNAVAILABLE, status);
    }

    void attach(CustomerSessionHandle sessionHandle) {
        this.handle = Objects.requireNonNull(sessionHandle);
    }

    /** A new session or the end of one: no question, no banner, no notice. */
    void reset() {
        handle = null;
        asking.set(false);
        status.set(Status.OFF);
        detail.set("");
    }

    /** The technician asks to see the screen. */
    void requested() {
        if (handle != null) {
            dismissNotice();
            asking.set(true);
        }
    }

    void stateChanged(ScreenShareState state) {
        detail.set(state.detail() == null ? "" : state.detail().strip());
        status.set(state.status());
        // Withdrawn, or answered elsewhere: the question no longer applies.
        asking.set(handle != null && state.status() == Status.REQUESTED && asking.get());
    }

    /** "Allow" on the consent card. */
    public void allow() {
        answer(true);
    }

    /** "Don't allow" on the consent card. */
    public void deny() {
        answer(false);
    }

    private void answer(boolean allow) {
        if (!asking.get() || handle == null) {
            return;
        }
        asking.set(false);
        handle.answerScreenRequest(allow);
        if (!allow) {
            detail.set("");
            status.set(Status.DENIED);
        }
    }

    // Pause, Resume and Stop change the banner at once: the customer must see that it worked even
    // before the session reports back (it will report the same state).

    public void pause() {
        if (handle != null && status.get() == Status.SHARING) {
            handle.pauseScreen();
            status.set(Status.PAUSED);
        }
    }

    public void resume() {
        if (handle != null && status.get() == Status.PAUSED) {
            handle.resumeScreen();
            status.set(Status.SHARING);
        }
    }

    public void stop() {
        if (handle != null && shared.get()) {
            handle.stopScreen();
            detail.set("");
            status.set(Status.STOPPED);
        }
    }

    /** Closes the notice after sharing ended or was refused. */
    public void dismissNotice() {
        if (noticeShown.get()) {
            detail.set("");
            status.set(Status.OFF);
        }
    }

    /** The consent card is showing. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public Status status() {
        return status.get();
    }

    /** Why capture is unavailable, or who stopped it; empty otherwise. */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** SHARING or PAUSED: the banner shows. */
    public BooleanBinding shared() {
        return shared;
    }

    /** DENIED, STOPPED or UNAVAILABLE: the short notice shows. */
    public BooleanBinding noticeShown() {
        return noticeShown;
    }
}
