package dev.lifeline.client.clipboard;

import dev.lifeline.client.clipboard.ClipboardEvent.Kind;
import dev.lifeline.common.clipboard.ClipboardText;
import dev.lifeline.common.clipboard.ClipboardTooLargeException;
import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.wire.e2e.Clipboard;
import dev.lifeline.common.wire.e2e.ClipboardGet;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's side of clipboard sharing: send text to the customer's clipboard, ask for
 * theirs, receive it (bounded like everything from the peer). Runs on the session thread.
 */
public final class TechnicianClipboard {
    private static final Logger log = LoggerFactory.getLogger(TechnicianClipboard.class);

    /** What the clipboard tells the technician's session. */
    public interface Events {
        void send(SessionMessage message);

        /** The customer's clipboard text arrived. */
        void received(String text);

        void event(ClipboardEvent event);
    }

    private final Events events;
    private final SessionTimeline timeline;

    public TechnicianClipboard(Events events, SessionTimeline timeline) {
        this.events = events;
        this.timeline = timeline;
    }

    /** Puts text on the customer's clipboard (their app applies it only with CLIPBOARD granted). */
    public void send(String text) {
        ClipboardText checked;
        try {
            checked = ClipboardText.of(text);
        } catch (ClipboardTooLargeException e) {
            events.event(new ClipboardEvent(Kind.TOO_LARGE, e.bytes()));
            return;
        }
        events.send(SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder()
                .setPut(dev.lifeline.common.wire.e2e.ClipboardText.newBuilder().setText(checked.text()))).build());
        timeline.record(TimelineEntry.Kind.CLIPBOARD_SENT_TO_CUSTOMER, TimelineEntry.Actor.TECHNICIAN, "clipboard",
                checked.utf8Bytes(), "");
        events.event(new ClipboardEvent(Kind.SENT_TO_CUSTOMER, checked.utf8Bytes()));
    }

    /** Asks for the customer's clipboard text. */
    public void request() {
        events.send(SessionMessage.newBuilder().setClipboard(Clipboard.newBuilder().setGet(ClipboardGet.getDefaultInstance())).build());
    }

    /** Returns false for messages that are not clipboard messages. */
    public boolean onMessage(SessionMessage message) {
        if (message.getBodyCase() != SessionMessage.BodyCase.CLIPBOARD) {
            return false;
        }
        Clipboard body = message.getClipboard();
        switch (body.getActionCase()) {
            case PUT -> {
                try {
                    ClipboardText checked = ClipboardText.of(body.getPut().getText());
                    timeline.record(TimelineEntry.Kind.CLIPBOARD_SENT_TO_TECHNICIAN, TimelineEntry.Actor.TECHNICIAN,
                            "clipboard", checked.utf8Bytes(), "");
                    events.received(checked.text());
                    events.event(new ClipboardEvent(Kind.READ_BY_TECHNICIAN, checked.utf8Bytes()));
                } catch (ClipboardTooLargeException e) {
                    log.warn("dropping clipboard text of {} bytes from the customer: over the limit", e.bytes());
                    events.event(new ClipboardEvent(Kind.TOO_LARGE, e.bytes()));
                }
            }
            case FAILED -> {
                Kind kind = switch (body.getFailed().getReason()) {
                    case TOO_LARGE -> Kind.TOO_LARGE;
                    case EMPTY -> Kind.EMPTY;
                    default -> Kind.UNAVAILABLE;
                };
                timeline.record(TimelineEntry.Kind.CLIPBOARD_FAILED, TimelineEntry.Actor.CUSTOMER_APP, "clipboard",
                        body.getFailed().getSize(), kind.name());
                events.event(new ClipboardEvent(kind, body.getFailed().getSize()));
            }
            default -> log.warn("ignoring a clipboard message of kind {} from the customer", body.getActionCase());
        }
        return true;
    }

    /** For callers that wire each event to a method. */
    public static Events events(Consumer<SessionMessage> send, Consumer<String> received, Consumer<ClipboardEvent> event) {
        return new Events() {
            @Override
            public void send(SessionMessage message) {
                send.accept(message);
            }

            @Override
            public void received(String text) {
                received.accept(text);
            }

            @Override
            public void event(ClipboardEvent e) {
                event.accept(e);
            }
        };
    }
}
