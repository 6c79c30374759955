package dev.lifeline.client.session;

/** Why a session ended, and whether that was the normal way for it to end. */
public record SessionEnd(Reason reason, String detail) {
    public enum Reason {
        ENDED_BY_ME(true),
        ENDED_BY_PEER(true),
        /** Issue 6: this technician handed the session to another one. */
        HANDED_OVER(true),
        WRONG_CODE(false),
        CODE_EXPIRED(false),
        HANDSHAKE_FAILED(false),
        CONNECTION_LOST(false),
        RELAY_ERROR(false),
        /** Issue 6: a queue pick lost the race; another technician took the customer. */
        TAKEN_BY_ANOTHER(false);

        private final boolean normal;

        Reason(boolean normal) {
            this.normal = normal;
        }

        public boolean normal() {
            return normal;
        }
    }

    public boolean normal() {
        return reason.normal();
    }
}
