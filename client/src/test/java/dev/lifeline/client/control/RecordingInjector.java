package dev.lifeline.client.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An injector that writes down what it was asked to do: "move 10,20", "press LEFT", "key+ 65", "type a". */
public final class RecordingInjector implements InputInjector {
    public final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public void moveMouse(int x, int y) {
        done.add("move " + x + "," + y);
    }

    @Override
    public void pressButton(MouseButton button) {
        done.add("press " + button);
    }

    @Override
    public void releaseButton(MouseButton button) {
        done.add("release " + button);
    }

    @Override
    public void wheel(int notches) {
        done.add("wheel " + notches);
    }

    @Override
    public void pressKey(int keyCode) {
        done.add("key+ " + keyCode);
    }

    @Override
    public void releaseKey(int keyCode) {
        done.add("key- " + keyCode);
    }

    @Override
    public void type(int codePoint) throws InjectionException {
        if (codePoint == 0x1F600) {
            throw new InjectionException("no key for it");
        }
        done.add("type " + new String(Character.toChars(codePoint)));
    }

    public InputInjectors opener() {
        return () -> this;
    }
}
