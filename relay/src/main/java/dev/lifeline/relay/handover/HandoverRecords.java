package dev.lifeline.relay.handover;

import dev.lifeline.relay.pairing.NameplateRegistry.Entry;

/**
 * What a handover leaves in the team database: audit entries and, for a transfer, the session
 * record moving to the new technician. Implementations must not block the caller (an event loop).
 */
public interface HandoverRecords {
    /** One audit entry; never content, codes or tokens in {@code detail}. */
    void audit(String actor, String action, String detail);

    /**
     * The session waiting on {@code entry} (null: joined by code without a queue entry) was
     * transferred at {@code atMs} from account {@code fromAccountId} to {@code toAccountId}.
     */
    void transferred(Entry entry, long fromAccountId, long toAccountId, long atMs);

    HandoverRecords NONE = new HandoverRecords() {
        @Override
        public void audit(String actor, String action, String detail) {
        }

        @Override
        public void transferred(Entry entry, long fromAccountId, long toAccountId, long atMs) {
        }
    };
}
