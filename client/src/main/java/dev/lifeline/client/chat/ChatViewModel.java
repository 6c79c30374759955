package dev.lifeline.client.chat;

import dev.lifeline.client.session.ChatLine;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat of one session, shared by Get Help and the Console (and later the recording player).
 * Lines arrive through {@link #receive}; our own lines are added when sent. Must be used on the
 * FX thread (or the test thread); the owning session view model hops there first.
 */
public final class ChatViewModel {
    /** Longest line we send; longer drafts are refused rather than cut. */
    public static final int MAX_LENGTH = 4000;

    private final Clock clock;
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final BooleanProperty canSend = new SimpleBooleanProperty(this, "canSend", false);
    private Consumer<String> sender;

    public ChatViewModel(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** From now on, {@link #send()} hands text to {@code sender} (the secured session). */
    public void attach(Consumer<String> sender) {
        this.sender = Objects.requireNonNull(sender);
        canSend.set(true);
    }

    /** The session is over or not secured: sending is off, the lines stay. */
    public void detach() {
        this.sender = null;
        canSend.set(false);
    }

    public void clear() {
        lines.clear();
        draft.set("");
    }

    /** Sends the draft if there is something to send; returns whether it was sent. */
    public boolean send() {
        String text = draft.get() == null ? "" : draft.get().strip();
        if (sender == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        sender.accept(text);
        lines.add(new ChatLine(text, clock.instant(), true));
        draft.set("");
        return true;
    }

    /** A line from the other end (or a replayed one). */
    public void receive(ChatLine line) {
        lines.add(Objects.requireNonNull(line));
    }

    public ObservableList<ChatLine> lines() {
        return lines;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend;
    }
}
