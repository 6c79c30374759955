package dev.lifeline.client.handover;

/** Customer side: technician {@code from} hands the session over to {@code to}, or invites {@code to} to watch. */
public record CustomerHandoverNotice(HandoverEvent.Kind kind, String from, String to) {
    /** What Get Help shows. */
    public String message() {
        return kind == HandoverEvent.Kind.TRANSFER
                ? from + " is handing you over to " + to + ". " + to + " will ask again for anything they need to see or do."
                : to + " wants to watch your screen with " + from + ". They can see the screen and the chat, nothing else.";
    }
}
