package dev.lifeline.client.control;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Input through AWT {@link Robot}: Windows, macOS (with the accessibility permission) and X11. On a
 * Wayland desktop without X, or without a display, there is nothing to inject into: refused with a
 * reason rather than pretending.
 */
final class RobotInputInjector implements InputInjector {
    private final Robot robot;

    private RobotInputInjector(Robot robot) {
        this.robot = robot;
    }

    static RobotInputInjector open(Map<String, String> environment) throws InjectionException {
        String display = environment.getOrDefault("DISPLAY", "").strip();
        boolean wayland = "wayland".equalsIgnoreCase(environment.getOrDefault("XDG_SESSION_TYPE", "").strip());
        if (wayland && display.isEmpty()) {
            throw new InjectionException("this desktop runs Wayland without X; remote control is not supported there yet");
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw new InjectionException("this app runs without a display, so there is nothing to control");
        }
        try {
            Robot robot = new Robot();
            robot.setAutoDelay(0);
            robot.setAutoWaitForIdle(false);
            return new RobotInputInjector(robot);
        } catch (AWTException | SecurityException e) {
            throw new InjectionException("input injection is not permitted on this system: " + e.getMessage(), e);
        }
    }

    @Override
    public void moveMouse(int x, int y) {
        robot.mouseMove(x, y);
    }

    @Override
    public void pressButton(MouseButton button) {
        robot.mousePress(mask(button));
    }

    @Override
    public void releaseButton(MouseButton button) {
        robot.mouseRelease(mask(button));
    }

    private static int mask(MouseButton button) {
        return switch (button) {
            case LEFT -> InputEvent.BUTTON1_DOWN_MASK;
            case MIDDLE -> InputEvent.BUTTON2_DOWN_MASK;
            case RIGHT -> InputEvent.BUTTON3_DOWN_MASK;
        };
    }

    @Override
    public void wheel(int notches) {
        robot.mouseWheel(notches);
    }

    @Override
    public void pressKey(int keyCode) {
        robot.keyPress(keyCode);
    }

    @Override
    public void releaseKey(int keyCode) {
        robot.keyRelease(keyCode);
    }

    @Override
    public void type(int codePoint) throws InjectionException {
        Optional<TextStrokes.Stroke> stroke = TextStrokes.forChar(codePoint);
        if (stroke.isEmpty()) {
            throw new InjectionException("this keyboard cannot type U+" + Integer.toHexString(codePoint));
        }
        int key = stroke.get().keyCode();
        boolean shift = stroke.get().shift();
        try {
            if (shift) {
                robot.keyPress(KeyEvent.VK_SHIFT);
            }
            robot.keyPress(key);
            robot.keyRelease(key);
        } catch (IllegalArgumentException e) {
            // Robot refuses key codes the current keyboard layout has no key for.
            throw new InjectionException("this keyboard cannot type U+" + Integer.toHexString(codePoint), e);
        } finally {
            if (shift) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
        }
    }
}
