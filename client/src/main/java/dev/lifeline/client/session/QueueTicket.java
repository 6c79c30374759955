package dev.lifeline.client.session;

/** What a Console needs to pick a waiting customer: its sign-in token and the queue entry. */
public record QueueTicket(String sessionToken, long entryId, String customerName) {
}
