package dev.lifeline.common.diagnostics;

import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import java.util.List;

/** The rules' verdict: findings, most severe first, and the suggestion they add up to. */
public record Evaluation(List<Finding> findings, Suggestion recommendation) {
    public Evaluation {
        findings = List.copyOf(findings);
    }

    /**
     * On-site if any warning or worse needs hands on the machine; otherwise development if a
     * warning or worse is a software fault; otherwise remote. The technician decides; this is advice.
     */
    static Suggestion recommend(List<Finding> findings) {
        boolean escalate = false;
        for (Finding f : findings) {
            if (f.getSeverity().getNumber() < Severity.WARNING_VALUE) {
                continue;
            }
            if (f.getSuggestion() == Suggestion.ONSITE_VISIT) {
                return Suggestion.ONSITE_VISIT;
            }
            escalate |= f.getSuggestion() == Suggestion.ESCALATE_DEVELOPMENT;
        }
        return escalate ? Suggestion.ESCALATE_DEVELOPMENT : Suggestion.FIX_REMOTELY;
    }

    /** The findings that support the recommendation (what the Console shows beside it). */
    public List<Finding> supporting() {
        return findings.stream()
                .filter(f -> f.getSuggestion() == recommendation && f.getSeverity().getNumber() >= Severity.WARNING_VALUE)
                .toList();
    }

    public static String word(Suggestion suggestion) {
        return switch (suggestion) {
            case ONSITE_VISIT -> "onsite";
            case ESCALATE_DEVELOPMENT -> "escalate";
            default -> "remote";
        };
    }
}
