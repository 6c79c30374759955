package dev.lifeline.client.session;

/** Starts customer sessions: connect to the relay, get a nameplate, wait for a technician. */
public interface CustomerSessions {
    /** Returns at once; progress arrives through {@code listener}, starting with onCodeReady. */
    CustomerSessionHandle start(String customerName, SessionListener listener);

    /**
     * Issue 6: also waits in the relay's queue with {@code request} (null: code only). Sessions
     * that have no queue ignore the request; see {@link #queues()}.
     */
    default CustomerSessionHandle start(String customerName, QueueRequest request, SessionListener listener) {
        return start(customerName, listener);
    }

    /** Whether {@link #start(String, QueueRequest, SessionListener)} can put the customer in a queue (Get Help shows its form). */
    default boolean queues() {
        return false;
    }

    /**
     * Issue 8: makes what the first {@link #start} needs (the network threads) in the background
     * now, so Get Help can leave it until its window has drawn its first frame. Optional.
     */
    default void prepare() {
    }
}
