package dev.lifeline.client.helprequest;

import dev.lifeline.client.session.QueueRequest;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Get Help's request form for the team's waiting queue: the customer's name, the problem in a
 * few words and an optional way to reach them, checked against the relay's limits before
 * anything is sent. Without a problem the customer just gets a code (as before); with one they
 * also wait in the queue and see their place. FX thread only; no nodes.
 */
public final class HelpRequestViewModel {
    /** What is wrong with the form, field by field. */
    public enum Invalid { NAME_MISSING, NAME_TOO_LONG, PROBLEM_TOO_SHORT, PROBLEM_TOO_LONG, CONTACT_TOO_LONG }

    /** The relay's limits (queue.proto), in characters. */
    public static final int MAX_NAME = 100;
    public static final int MAX_PROBLEM = 1000;
    public static final int MIN_PROBLEM = 5;
    public static final int MAX_CONTACT = 200;

    private final StringProperty name;
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty contact = new SimpleStringProperty(this, "contact", "");
    private final ObjectProperty<Invalid> invalid = new SimpleObjectProperty<>(this, "invalid");
    private final BooleanProperty queued = new SimpleBooleanProperty(this, "queued", false);
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 0);
    private final IntegerBinding problemLeft;

    /** @param name the Get Help window's name field, shared with the code flow */
    public HelpRequestViewModel(StringProperty name) {
        this.name = name;
        problemLeft = Bindings.createIntegerBinding(() -> MAX_PROBLEM - length(problem.get()), problem);
        name.addListener((o, a, b) -> invalid.set(null));
        problem.addListener((o, a, b) -> invalid.set(null));
        contact.addListener((o, a, b) -> invalid.set(null));
    }

    /**
     * Checks the form. Returns the request to queue, {@link #CODE_ONLY} when no problem was
     * entered, or null with {@link #invalidProperty()} saying what to fix.
     */
    public QueueRequest validate() {
        String who = strip(name.get());
        String what = strip(problem.get());
        String how = strip(contact.get());
        Invalid found = null;
        if (!what.isEmpty()) {
            found = who.isEmpty() ? Invalid.NAME_MISSING
                    : what.length() < MIN_PROBLEM ? Invalid.PROBLEM_TOO_SHORT : null;
        }
        if (found == null) {
            found = who.length() > MAX_NAME ? Invalid.NAME_TOO_LONG
                    : what.length() > MAX_PROBLEM ? Invalid.PROBLEM_TOO_LONG
                    : how.length() > MAX_CONTACT ? Invalid.CONTACT_TOO_LONG : null;
        }
        invalid.set(found);
        if (found != null) {
            return null;
        }
        return what.isEmpty() ? CODE_ONLY : new QueueRequest(what, how, "");
    }

    /** "No queue, just the code": what {@link #validate()} returns when no problem was entered. */
    public static final QueueRequest CODE_ONLY = new QueueRequest("", "", "");

    /** The relay took the request: place in line (1 = next; 0 = just accepted, place to follow). */
    public void queued(int place) {
        queued.set(true);
        position.set(Math.max(0, place));
    }

    /** A new session starts (or the last one ended): not in line until the relay says so. */
    public void reset() {
        queued.set(false);
        position.set(0);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public ReadOnlyObjectProperty<Invalid> invalidProperty() {
        return invalid;
    }

    public ReadOnlyBooleanProperty queuedProperty() {
        return queued;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position;
    }

    /** Characters left for the problem (negative when over the limit). */
    public IntegerBinding problemLeft() {
        return problemLeft;
    }
}
