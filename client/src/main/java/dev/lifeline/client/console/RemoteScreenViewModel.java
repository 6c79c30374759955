package dev.lifeline.client.console;

import dev.lifeline.client.screen.MonitorInfo;
import dev.lifeline.client.screen.RemoteScreenFrame;
import dev.lifeline.client.screen.ScreenShareState;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.screen.ScreenStats;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.screen.Quality;
import dev.lifeline.common.screen.ScreenImage;
import dev.lifeline.common.screen.ScreenRect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The customer's screen in one Console session: whether it is shared, the picture, the cursor,
 * the technician's choices (quality, monitor, fit) and the stats line. Used on the FX thread only;
 * {@link ConsoleSessionViewModel} hops there with each event. The picture is a {@link ScreenPixels}
 * that the view wraps in a pixel buffer; {@link #framesShownProperty()} ticks after each copy and
 * {@link #lastChange()} says which part to redraw.
 */
public final class RemoteScreenViewModel {
    private static final Set<Status> ASKABLE = EnumSet.of(Status.OFF, Status.DENIED, Status.STOPPED, Status.UNAVAILABLE);

    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", Status.OFF);
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanProperty available = new SimpleBooleanProperty(this, "available", false);
    private final BooleanProperty sessionOver = new SimpleBooleanProperty(this, "sessionOver", false);
    private final ObservableList<MonitorInfo> monitors = FXCollections.observableArrayList();
    private final ObservableList<MonitorInfo> monitorsReadOnly = FXCollections.unmodifiableObservableList(monitors);
    private final IntegerProperty activeMonitor = new SimpleIntegerProperty(this, "activeMonitor", 0);
    private final ObjectProperty<Quality> quality = new SimpleObjectProperty<>(this, "quality", Quality.AUTO);
    private final ObjectProperty<ScreenStats> stats = new SimpleObjectProperty<>(this, "stats");
    private final ObjectProperty<ScreenPixels> pixels = new SimpleObjectProperty<>(this, "pixels");
    private final LongProperty framesShown = new SimpleLongProperty(this, "framesShown", 0);
    private final IntegerProperty cursorX = new SimpleIntegerProperty(this, "cursorX", 0);
    private final IntegerProperty cursorY = new SimpleIntegerProperty(this, "cursorY", 0);
    private final BooleanProperty cursorVisible = new SimpleBooleanProperty(this, "cursorVisible", false);
    /** The customer's pointer as it looks, or null (then the view draws an arrow). */
    private final javafx.beans.property.ObjectProperty<dev.lifeline.client.screen.CursorShape> cursorShape =
            new javafx.beans.property.SimpleObjectProperty<>(this, "cursorShape");
    private final BooleanProperty fitToWindow = new SimpleBooleanProperty(this, "fitToWindow", true);
    /** View pixels per picture pixel, as the view lays the picture out (fit or 1:1). */
    private final javafx.beans.property.DoubleProperty scale = new javafx.beans.property.SimpleDoubleProperty(this, "scale", 1);
    private double viewportWidth;
    private double viewportHeight;
    private final BooleanBinding viewing;
    private final BooleanBinding canRequest;
    private ScreenRect lastChange = ScreenRect.EMPTY;
    private TechnicianSessionHandle handle;

    RemoteScreenViewModel() {
        viewing = Bindings.createBooleanBinding(
                () -> status.get() == Status.SHARING || status.get() == Status.PAUSED, status);
        canRequest = Bindings.createBooleanBinding(
                () -> available.get() && ASKABLE.contains(status.get()), available, status);
        fitToWindow.addListener((obs, o, n) -> rescale());
        pixels.addListener((obs, o, n) -> rescale());
    }

    /** The view's viewport changed size: the picture's scale follows in fit mode. */
    public void viewportResized(double width, double height) {
        viewportWidth = width;
        viewportHeight = height;
        rescale();
    }

    private void rescale() {
        ScreenPixels p = pixels.get();
        scale.set(p == null ? 1 : ScreenMapping.scale(fitToWindow.get(), viewportWidth, viewportHeight, p.width(), p.height()));
    }

    /** View pixels per picture pixel. */
    public javafx.beans.property.ReadOnlyDoubleProperty scaleProperty() {
        return scale;
    }

    /**
     * Where a point of the picture (view coordinates, picture at 0,0) is on the customer's desktop:
     * empty off the picture or when nothing is shown.
     */
    public java.util.Optional<ScreenMapping.DesktopPoint> toDesktop(double viewX, double viewY) {
        ScreenPixels p = pixels.get();
        int active = activeMonitor.get();
        if (p == null || !viewing.get() || active < 0 || active >= monitors.size()) {
            return java.util.Optional.empty();
        }
        return ScreenMapping.toDesktop(viewX, viewY, scale.get(), p.width(), p.height(), monitors.get(active));
    }

    /**
     * A screen fed by a recording (issue 7): playback is just another source of frames, shown
     * exactly as a live session's.
     */
    public static RemoteScreenViewModel forPlayback() {
        RemoteScreenViewModel vm = new RemoteScreenViewModel();
        vm.status.set(Status.SHARING);
        return vm;
    }

    /** A picture from playback; see {@link #forPlayback()}. FX thread. */
    public void showPlaybackFrame(RemoteScreenFrame frame) {
        showFrame(frame);
    }

    /** The session is secured: the technician may ask for the screen. */
    void attach(TechnicianSessionHandle sessionHandle) {
        this.handle = Objects.requireNonNull(sessionHandle);
        available.set(true);
    }

    /** The session is over: nothing more to ask or show. */
    void sessionEnded() {
        handle = null;
        available.set(false);
        sessionOver.set(true);
        if (status.get() != Status.OFF) {
            status.set(Status.STOPPED);
            detail.set("");
        }
        clearPicture();
    }

    /** "View screen": asks the customer, who must allow it first. */
    public void requestScreen() {
        if (!canRequest.get()) {
            return;
        }
        handle.requestScreen();
        detail.set("");
        status.set(Status.REQUESTED); // the session confirms; showing it at once tells the click worked
    }

    /** "Stop viewing", or withdrawing an unanswered request. */
    public void stopViewing() {
        Status s = status.get();
        if (handle == null || (s != Status.REQUESTED && s != Status.SHARING && s != Status.PAUSED)) {
            return;
        }
        handle.stopViewing();
        detail.set("");
        status.set(Status.STOPPED);
        clearPicture();
    }

    /** The Auto / Sharp / Fast switch. */
    public void chooseQuality(Quality q) {
        if (q == null || q == quality.get()) {
            return;
        }
        quality.set(q);
        if (handle != null) {
            handle.setScreenQuality(q);
        }
    }

    /** The monitor picker; {@code index} into {@link #monitors()}. */
    public void selectMonitor(int index) {
        if (index == activeMonitor.get() || index < 0 || index >= monitors.size() || handle == null) {
            return;
        }
        activeMonitor.set(index);
        handle.selectMonitor(index);
    }

    void stateChanged(ScreenShareState state) {
        if (!state.monitors().equals(monitors)) {
            monitors.setAll(state.monitors());
        }
        activeMonitor.set(state.activeMonitor());
        if (state.quality() != null) {
            quality.set(state.quality());
        }
        detail.set(state.detail() == null ? "" : state.detail().strip());
        status.set(state.status());
        if (!viewing.get()) {
            clearPicture();
        } else if (state.status() == Status.PAUSED) {
            stats.set(null); // a frozen picture has no frame rate; old numbers would mislead
        }
    }

    /**
     * Copies what changed into our picture, then lets the decoder go on: {@code drawn()} is called
     * whatever happens, or the stream would stall.
     */
    void showFrame(RemoteScreenFrame frame) {
        try {
            if (!viewing.get()) {
                return; // a late frame after Stop viewing
            }
            ScreenImage image = frame.image();
            ScreenPixels p = pixels.get();
            ScreenRect changed;
            if (p == null || !p.fits(image)) {
                p = ScreenPixels.copyOf(image);
                changed = new ScreenRect(0, 0, p.width(), p.height());
                pixels.set(p);
            } else {
                changed = frame.fullRepaint() ? p.copyAll(image) : p.copy(image, frame.changed());
            }
            cursorX.set(frame.cursorX());
            cursorY.set(frame.cursorY());
            cursorVisible.set(frame.cursorVisible());
            if (frame.cursorShape() != null) {
                cursorShape.set(frame.cursorShape());
            }
            lastChange = changed;
            framesShown.set(framesShown.get() + 1);
        } finally {
            frame.drawn();
        }
    }

    void statsMeasured(ScreenStats s) {
        if (viewing.get() && status.get() != Status.PAUSED) {
            stats.set(s);
        }
    }

    private void clearPicture() {
        pixels.set(null);
        stats.set(null);
        cursorVisible.set(false);
        cursorShape.set(null);
        lastChange = ScreenRect.EMPTY;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public Status status() {
        return status.get();
    }

    /** Why sharing is unavailable or who stopped it; empty otherwise. */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /** True once the session is secured, until it ends. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** The session has ended: nothing about the screen is worth saying any more. */
    public ReadOnlyBooleanProperty sessionOverProperty() {
        return sessionOver;
    }

    /** SHARING or PAUSED: there is a picture to show. */
    public BooleanBinding viewing() {
        return viewing;
    }

    /** "View screen" makes sense now. */
    public BooleanBinding canRequest() {
        return canRequest;
    }

    public ObservableList<MonitorInfo> monitors() {
        return monitorsReadOnly;
    }

    public ReadOnlyIntegerProperty activeMonitorProperty() {
        return activeMonitor;
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality;
    }

    /** Null until measured while viewing. */
    public ReadOnlyObjectProperty<ScreenStats> statsProperty() {
        return stats;
    }

    /** Our copy of the picture; a new object when the screen size changes, null when nothing is shown. */
    public ReadOnlyObjectProperty<ScreenPixels> pixelsProperty() {
        return pixels;
    }

    /** Counts copied frames; listen to it to redraw {@link #lastChange()}. */
    public ReadOnlyLongProperty framesShownProperty() {
        return framesShown;
    }

    /** The rectangle the last frame changed, in screen pixels. */
    public ScreenRect lastChange() {
        return lastChange;
    }

    public ReadOnlyIntegerProperty cursorXProperty() {
        return cursorX;
    }

    public ReadOnlyIntegerProperty cursorYProperty() {
        return cursorY;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<dev.lifeline.client.screen.CursorShape> cursorShapeProperty() {
        return cursorShape;
    }

    public ReadOnlyBooleanProperty cursorVisibleProperty() {
        return cursorVisible;
    }

    /** Fit the picture to the window (true) or show it pixel for pixel with scroll bars. */
    public BooleanProperty fitToWindowProperty() {
        return fitToWindow;
    }
}
