package dev.lifeline.client.clipboard;

import dev.lifeline.client.clipboard.ClipboardEvent.Kind;
import dev.lifeline.common.clipboard.ClipboardText;
import dev.lifeline.common.clipboard.ClipboardTooLargeException;
import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.wire.e2e.Clipboard;
import dev.lifeline.common.wire.e2e.ClipboardFailed;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of clipboard sharing. Only messages that passed the {@code ConsentGate}
 * (CLIPBOARD granted) come here. A put goes onto the system clipboard and the customer is told; a
 * get reads the system clipboard and sends it, and the customer is told too. The grant is checked
 * again when the clipboard answers, since it may have been revoked meanwhile. Texts over 1 MiB are
 * refused either way. Contents are never logged. Runs on the session thread.
 */
public final class CustomerClipboard {
    private static final Logger log = LoggerFactory.getLogger(CustomerClipboard.class);

    /** What the clipboard needs from the customer's session. */
    public interface Events {
        void send(SessionMessage message);

        /** A notice for the customer. */
        void used(ClipboardEvent event);
    }

    private final Executor sessionThread;
    private final SystemClipboard clipboard;
    private final BooleanSupplier granted;
    private final Events events;
    private final SessionTimeline timeline;

    public CustomerClipboard(Executor sessionThread, SystemClipboard clipboard, BooleanSupplier granted,
                             Events events, SessionTimeline timeline) {
        this.sessionThread = sessionThread;
        this.clipboard = clipboard;
        this.granted = granted;
        this.events = events;
        this.timeline = timeline;
    }

    /** Returns false for messages that are not clipboard messages. */
    public boolean onMessage(SessionMessage message) {
        if (message.getBodyCase() != SessionMessage.BodyCase.CLIPBOARD) {
            return false;
        }
        Clipboard body = message.getClipboard();
        switch (body.getActionCase()) {
            case PUT -> put(body.getPut().getText());
            case GET -> get();
            default -> log.warn("ignoring a clipboard message of kind {} from the technician", body.getActionCase());
        }
        return true;
    }

    private void put(String text) {
        ClipboardText checked;
        try {
            checked = ClipboardText.of(text);
        } catch (ClipboardTooLargeException e) {
            fail(ClipboardFailed.Reason.TOO_LARGE, e.bytes());
            return;
        }
        clipboard.writeText(checked.text()).whenComplete((done, error) -> sessionThread.execute(() -> {
            if (error != null) {
                log.info("could not put the technician's text on the clipboard: {}", cause(error).getMessage());
                fail(ClipboardFailed.Reason.UNAVAILABLE, 0);
                return;
            }
            timeline.record(TimelineEntry.Kind.CLIPBOARD_SENT_TO_CUSTOMER, TimelineEntry.Actor.TECHNICIAN,
                    "clipboard", checked.utf8Bytes(), "");
            events.used(new ClipboardEvent(Kind.PUT_BY_TECHNICIAN, checked.utf8Bytes()));
        }));
    }

    private void get() {
        clipboard.readText().whenComplete((text, error) -> sessionThread.execute(() -> {
            if (!granted.getAsBoolean()) {
                log.info("clipboard read finished after the grant was revoked; nothing sent");
                return;
            }
            if (error != null) {
                log.info("could not read the clipboard: {}", cause(error).getMessage());
                fail(ClipboardFailed.Reason.UNAVAILABLE, 0);
                return;
            }
            Optional<String> value = text;
            if (value.isEmpty() || value.get().isEmpty()) {
                fail(ClipboardFailed.Reason.EMPTY, 0);
                return;
            }
            ClipboardText checked;
            try {
                checked = ClipboardText.of(value.get());
            } catch (ClipboardTooLargeException e) {
                fail(ClipboardFailed.Reason.TOO_LARGE, e.bytes());
                return;
            }
            events.send(SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder()
                    .setPut(dev.lifeline.common.wire.e2e.ClipboardText.newBuilder().setText(checked.text()))).build());
            timeline.record(TimelineEntry.Kind.CLIPBOARD_SENT_TO_TECHNICIAN, TimelineEntry.Actor.TECHNICIAN,
                    "clipboard", checked.utf8Bytes(), "");
            events.used(new ClipboardEvent(Kind.READ_BY_TECHNICIAN, checked.utf8Bytes()));
        }));
    }

    private void fail(ClipboardFailed.Reason reason, long bytes) {
        events.send(SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder()
                .setFailed(ClipboardFailed.newBuilder().setReason(reason).setSize(bytes))).build());
        timeline.record(TimelineEntry.Kind.CLIPBOARD_FAILED, TimelineEntry.Actor.CUSTOMER_APP, "clipboard", bytes, reason.name());
        events.used(new ClipboardEvent(Kind.valueOf(reason.name()), bytes));
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** For listeners that only want the notice. */
    public static Events events(Consumer<SessionMessage> send, Consumer<ClipboardEvent> used) {
        return new Events() {
            @Override
            public void send(SessionMessage message) {
                send.accept(message);
            }

            @Override
            public void used(ClipboardEvent event) {
                used.accept(event);
            }
        };
    }
}
