package dev.lifeline.relay.audit;

/** The outcome of walking the audit chain: intact, or the first entry that breaks it and why. */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSeq, String problem) {
    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, 0, "");
    }

    static AuditVerification broken(long checkedBefore, long seq, String problem) {
        return new AuditVerification(false, checkedBefore, seq, problem);
    }
}
