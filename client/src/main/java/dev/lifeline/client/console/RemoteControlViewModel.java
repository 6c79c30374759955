package dev.lifeline.client.console;

import dev.lifeline.client.control.ControlStatus;
import dev.lifeline.client.control.KeyCodes;
import dev.lifeline.client.control.MouseButton;
import dev.lifeline.client.control.RemoteInput;
import dev.lifeline.client.control.SystemCombo;
import dev.lifeline.client.control.SystemKeyCapture;
import dev.lifeline.client.screen.ScreenShareState.Status;
import dev.lifeline.client.session.TechnicianSessionHandle;
import dev.lifeline.common.consent.Capability;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
import javafx.collections.ListChangeListener;

/**
 * The technician's remote control of one session: Take control / Release control, the laser
 * pointer, and the mouse and keyboard over the picture, mapped to the customer's desktop. Input
 * goes out only while the customer's grant is live and the screen is shared; the customer's app
 * enforces the grant anyway. Used on the FX thread; the view passes plain numbers, no events.
 */
public final class RemoteControlViewModel {
    /** What the Console asks the customer when the technician clicks Take control. */
    static final String CONTROL_REASON = "to use your mouse and keyboard";

    private final RemoteScreenViewModel screen;
    private final GrantsViewModel grants;
    private final BooleanProperty controlling = new SimpleBooleanProperty(this, "controlling", false);
    private final BooleanProperty asking = new SimpleBooleanProperty(this, "asking", false);
    private final BooleanProperty laser = new SimpleBooleanProperty(this, "laser", false);
    private final ObjectProperty<ControlStatus> customerStatus = new SimpleObjectProperty<>(this, "customerStatus", ControlStatus.OFF);
    private final StringProperty systemKeys = new SimpleStringProperty(this, "systemKeys", "");
    private final BooleanBinding granted;
    private final BooleanBinding canTakeControl;
    /** Keys sent as pressed, so each gets its release and nothing stays held on the customer's machine. */
    private final Set<Integer> keysDown = new HashSet<>();
    private final Set<MouseButton> buttonsDown = new HashSet<>();
    private boolean laserShown;
    private final java.util.concurrent.Executor uiExecutor;
    private SystemKeyCapture systemKeyCapture = SystemKeyCapture.NONE;
    private AutoCloseable capturing;
    private boolean viewFocused;
    private TechnicianSessionHandle handle;

    RemoteControlViewModel(RemoteScreenViewModel screen, GrantsViewModel grants, java.util.concurrent.Executor uiExecutor) {
        this.screen = screen;
        this.grants = grants;
        this.uiExecutor = uiExecutor;
        controlling.addListener((obs, o, on) -> syncCapture());
        granted = Bindings.createBooleanBinding(() -> grants.granted().contains(Capability.CONTROL_INPUT), grants.granted());
        canTakeControl = Bindings.createBooleanBinding(() -> handle != null && screen.statusProperty().get() == Status.SHARING,
                screen.statusProperty(), screen.availableProperty());
        grants.granted().addListener((ListChangeListener<Capability>) c -> grantsChanged());
        screen.statusProperty().addListener((obs, o, s) -> {
            if (s != Status.SHARING) {
                hideLaser();
            }
        });
    }

    void attach(TechnicianSessionHandle sessionHandle) {
        this.handle = sessionHandle;
        canTakeControl.invalidate();
    }

    void detach() {
        handle = null;
        viewFocused = false;
        controlling.set(false);
        asking.set(false);
        laser.set(false);
        keysDown.clear();
        buttonsDown.clear();
        canTakeControl.invalidate();
    }

    private void grantsChanged() {
        if (granted.get()) {
            if (asking.get()) {
                asking.set(false);
                controlling.set(true); // the technician asked for this with Take control
            }
        } else {
            // Revoked (a chip's ✕ or the panic key): the customer's app already ignores us; stop sending.
            controlling.set(false);
            keysDown.clear();
            buttonsDown.clear();
            customerStatus.set(ControlStatus.OFF);
        }
    }

    void statusChanged(ControlStatus status) {
        customerStatus.set(status);
    }

    /** Take control: asks the customer first unless control is already granted. */
    public void takeControl() {
        if (handle == null || controlling.get()) {
            return;
        }
        if (granted.get()) {
            controlling.set(true);
            return;
        }
        if (!asking.get()) {
            asking.set(true);
            grants.request(Capability.CONTROL_INPUT, CONTROL_REASON);
        }
    }

    /** Release control: lets go of everything held and gives the grant back. */
    public void releaseControl() {
        if (handle == null) {
            return;
        }
        if (controlling.get()) {
            releaseHeld();
            controlling.set(false);
        }
        asking.set(false);
        grants.giveUp(Capability.CONTROL_INPUT);
    }

    /** The one toolbar button. */
    public void toggleControl() {
        if (controlling.get() || asking.get()) {
            releaseControl();
        } else {
            takeControl();
        }
    }

    private boolean active() {
        return handle != null && controlling.get() && granted.get() && screen.statusProperty().get() == Status.SHARING;
    }

    /** The mouse moved over the picture (view coordinates; the picture starts at 0,0). */
    public void pointerMoved(double viewX, double viewY) {
        Optional<ScreenMapping.DesktopPoint> point = screen.toDesktop(viewX, viewY);
        if (active()) {
            point.ifPresent(p -> handle.sendInput(new RemoteInput.Move(p.monitor(), p.x(), p.y())));
        } else if (laser.get() && handle != null && screen.statusProperty().get() == Status.SHARING) {
            if (point.isPresent()) {
                ScreenMapping.DesktopPoint p = point.get();
                handle.pointLaser(p.monitor(), p.x(), p.y(), true);
                laserShown = true;
            } else {
                hideLaser();
            }
        }
    }

    /** The mouse left the picture. */
    public void pointerExited() {
        hideLaser();
    }

    public void pointerButton(double viewX, double viewY, MouseButton button, boolean pressed) {
        if (!active()) {
            return;
        }
        if (!pressed && buttonsDown.remove(button)) {
            // A release goes out even off the picture (a drag that ended outside), at the nearest edge.
            Optional<ScreenMapping.DesktopPoint> p = screen.toDesktop(clampX(viewX), clampY(viewY));
            p.ifPresent(d -> handle.sendInput(new RemoteInput.Button(d.monitor(), d.x(), d.y(), button, false)));
            return;
        }
        if (pressed) {
            screen.toDesktop(viewX, viewY).ifPresent(d -> {
                buttonsDown.add(button);
                handle.sendInput(new RemoteInput.Button(d.monitor(), d.x(), d.y(), button, true));
            });
        }
    }

    private double clampX(double viewX) {
        ScreenPixels p = screen.pixelsProperty().get();
        double max = p == null ? 0 : p.width() * screen.scaleProperty().get() - 0.5;
        return Math.max(0, Math.min(viewX, max));
    }

    private double clampY(double viewY) {
        ScreenPixels p = screen.pixelsProperty().get();
        double max = p == null ? 0 : p.height() * screen.scaleProperty().get() - 0.5;
        return Math.max(0, Math.min(viewY, max));
    }

    /** Positive notches scroll down. */
    public void wheel(int notches) {
        if (active() && notches != 0) {
            handle.sendInput(new RemoteInput.Wheel(Math.max(-20, Math.min(20, notches))));
        }
    }

    /**
     * A key went down in the view. Keys that type text wait for {@link #typed}, so the customer
     * gets the character the technician meant whatever the two keyboard layouts; shortcuts
     * (Ctrl, Alt or Meta held) and keys that type nothing go as key codes.
     *
     * @param keyCode   JavaFX {@code KeyCode.getCode()}, the AWT VK number
     * @param typesText the key produces a character on its own (letters, digits, punctuation, space)
     * @param shortcut  Ctrl, Alt or Meta is held
     */
    public void keyPressed(int keyCode, boolean typesText, boolean shortcut) {
        if (!active() || !KeyCodes.isAllowed(keyCode) || (typesText && !shortcut) || capturedNatively(keyCode, shortcut)) {
            return;
        }
        keysDown.add(keyCode);
        handle.sendInput(new RemoteInput.Key(keyCode, true));
    }

    public void keyReleased(int keyCode) {
        if (handle != null && keysDown.remove(keyCode)) {
            handle.sendInput(new RemoteInput.Key(keyCode, false));
        }
    }

    /** A character the technician typed (no shortcut held). */
    public void typed(String text, boolean shortcut) {
        if (!active() || shortcut || text == null || text.isEmpty()) {
            return;
        }
        StringBuilder printable = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(printable::appendCodePoint);
        if (printable.length() > 0) {
            handle.sendInput(new RemoteInput.Text(printable.toString()));
        }
    }

    /** A Ctrl+Alt+Del-style combination from the menu (or captured system keys). */
    public void sendCombo(SystemCombo combo) {
        if (active()) {
            handle.sendInput(new RemoteInput.Combo(combo));
        }
    }

    /** The view lost the keyboard focus: nothing may stay held on the customer's machine. */
    public void focusLost() {
        viewFocused = false;
        syncCapture();
        if (active() && (!keysDown.isEmpty() || !buttonsDown.isEmpty())) {
            releaseHeld();
        }
    }

    /** The picture has the keyboard focus: system keys are captured while controlling. */
    public void focusGained() {
        viewFocused = true;
        syncCapture();
    }

    /** The app's global hook for Alt+Tab, the Windows key and Ctrl+Esc. */
    void useSystemKeys(SystemKeyCapture capture) {
        systemKeyCapture = capture == null ? SystemKeyCapture.NONE : capture;
        systemKeys.set(systemKeyCapture.unavailableReason());
    }

    /** Captures system keys exactly while controlling with the picture focused. */
    private void syncCapture() {
        boolean want = viewFocused && controlling.get() && handle != null;
        if (want && capturing == null) {
            capturing = systemKeyCapture.capture(combo -> uiExecutor.execute(() -> sendCombo(combo)));
        } else if (!want && capturing != null) {
            try {
                capturing.close();
            } catch (Exception e) {
                // the hook is gone already
            }
            capturing = null;
        }
    }

    /** Keys the global hook sends as combinations: the view's own copy of them would go twice. */
    private boolean capturedNatively(int keyCode, boolean shortcut) {
        if (capturing == null || !systemKeyCapture.captures()) {
            return false;
        }
        return keyCode == java.awt.event.KeyEvent.VK_WINDOWS || keyCode == java.awt.event.KeyEvent.VK_META
                || (shortcut && (keyCode == java.awt.event.KeyEvent.VK_TAB || keyCode == java.awt.event.KeyEvent.VK_ESCAPE));
    }

    private void releaseHeld() {
        keysDown.clear();
        buttonsDown.clear();
        if (handle != null) {
            handle.sendInput(new RemoteInput.ReleaseAll());
        }
    }

    private void hideLaser() {
        if (laserShown && handle != null) {
            handle.pointLaser(0, 0, 0, false);
        }
        laserShown = false;
    }

    /** Pointer input goes to the customer now (controlling, granted, sharing). */
    public boolean isActive() {
        return active();
    }

    /** Take control was clicked and the customer's grant is live. */
    public ReadOnlyBooleanProperty controllingProperty() {
        return controlling;
    }

    /** Take control was clicked; the customer has not answered yet. */
    public ReadOnlyBooleanProperty askingProperty() {
        return asking;
    }

    /** The customer has granted control (whether or not the technician uses it now). */
    public BooleanBinding granted() {
        return granted;
    }

    /** Take control makes sense: secured and the screen is shared. */
    public BooleanBinding canTakeControl() {
        return canTakeControl;
    }

    /** Laser pointer mode: moving over the picture shows a dot on the customer's screen. */
    public BooleanProperty laserProperty() {
        return laser;
    }

    /** What the customer's app reports: ready, the customer is using the mouse or keyboard, unavailable. */
    public ReadOnlyObjectProperty<ControlStatus> customerStatusProperty() {
        return customerStatus;
    }

    /** Whether system keys (Alt+Tab, Windows, Ctrl+Esc) are captured; empty when they are. */
    public ReadOnlyStringProperty systemKeysProperty() {
        return systemKeys;
    }

    void systemKeysUnavailable(String reason) {
        systemKeys.set(reason == null ? "" : reason);
    }
}
