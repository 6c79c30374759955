package dev.lifeline.client.report;

import dev.lifeline.common.wire.outcome.OutcomeKind;
import dev.lifeline.common.wire.outcome.SessionOutcome;
import dev.lifeline.common.wire.report.Outcome;

/**
 * The short end-to-end form of the technician's outcome, sent just before the session ends so the
 * recording's timeline shows it (the report itself goes to the relay's database, not the session).
 */
public final class OutcomeNotice {
    static final int MAX_SUMMARY = 200;

    private OutcomeNotice() {
    }

    public static SessionOutcome of(Outcome outcome, long decidedAtMs) {
        String summary = switch (outcome.getKind()) {
            case ONSITE_VISIT -> outcome.getDispatch().getProblem();
            case ESCALATED_TO_DEVELOPMENT -> outcome.getBug().getSummary();
            default -> "";
        };
        summary = summary.replaceAll("\\p{Cntrl}", " ").strip();
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY);
        }
        OutcomeKind kind = switch (outcome.getKind()) {
            case RESOLVED_REMOTELY -> OutcomeKind.OUTCOME_RESOLVED_REMOTELY;
            case ONSITE_VISIT -> OutcomeKind.OUTCOME_ONSITE_VISIT;
            case ESCALATED_TO_DEVELOPMENT -> OutcomeKind.OUTCOME_ESCALATED_TO_DEVELOPMENT;
            case NOT_RESOLVED -> OutcomeKind.OUTCOME_NOT_RESOLVED;
            default -> OutcomeKind.OUTCOME_UNSPECIFIED;
        };
        return SessionOutcome.newBuilder().setKind(kind).setSummary(summary).setDecidedAtMs(decidedAtMs).build();
    }

    /** "on-site visit needed: failing disk in sda", as the timeline and the headless player show it. */
    public static String describe(SessionOutcome outcome) {
        String kind = switch (outcome.getKind()) {
            case OUTCOME_RESOLVED_REMOTELY -> "resolved remotely";
            case OUTCOME_ONSITE_VISIT -> "on-site visit needed";
            case OUTCOME_ESCALATED_TO_DEVELOPMENT -> "escalated to development";
            case OUTCOME_NOT_RESOLVED -> "not resolved";
            default -> "unknown";
        };
        String summary = outcome.getSummary().replaceAll("\\p{Cntrl}", " ").strip();
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY);
        }
        return summary.isEmpty() ? kind : kind + ": " + summary;
    }
}
