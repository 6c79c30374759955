package dev.lifeline.relay.review;

import dev.lifeline.common.wire.diagnostics.Finding;
import dev.lifeline.common.wire.diagnostics.Severity;
import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.e2e.Capability;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.report.DispatchSummary;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/** Rows and reports for the review tests, written straight to the tables. */
final class ReviewFixtures {
    private ReviewFixtures() {
    }

    static String sessionHex(int n) {
        return String.format("%032x", 0xabc0000L + n);
    }

    static long account(Database db, String name, String role) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("insert into accounts (name, role, password_hash, created_at_ms)"
                     + " values (?, ?, 'x', 0)", new String[] {"id"})) {
            s.setString(1, name);
            s.setString(2, role);
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    static SessionReport report(String sessionHex, Outcome.Kind kind, boolean control, boolean onsiteFinding, String notes,
                                long startedMs, long endedMs) {
        SessionReport.Builder r = SessionReport.newBuilder().setFormatVersion(1).setReportId(UUID.randomUUID().toString())
                .setSessionId(sessionHex).setStartedAtMs(startedMs).setSecuredAtMs(startedMs + 500).setEndedAtMs(endedMs)
                .setCustomer(Party.newBuilder().setName("Carol"))
                .setTechnician(Party.newBuilder().setName("Alice Meyer").setOrganisation("Lifeline Demo Support"))
                .addConsentTimeline(ConsentChange.newBuilder().setCapability(Capability.VIEW_SCREEN)
                        .setKind(ConsentChange.Kind.GRANTED).setActor(ConsentChange.Actor.CUSTOMER).setAtMs(startedMs + 1000))
                .setOutcome(Outcome.newBuilder().setKind(kind).setNotes(notes).setDecidedAtMs(endedMs));
        if (control) {
            r.addConsentTimeline(ConsentChange.newBuilder().setCapability(Capability.CONTROL_INPUT)
                    .setKind(ConsentChange.Kind.GRANTED).setActor(ConsentChange.Actor.CUSTOMER).setAtMs(startedMs + 2000));
        }
        if (onsiteFinding) {
            r.addFindings(Finding.newBuilder().setRuleId("smart-reallocated").setSeverity(Severity.CRITICAL)
                    .setSuggestion(Suggestion.ONSITE_VISIT).setSummary("disk sda: reallocated sectors growing"));
            r.setRecommendation(Suggestion.ONSITE_VISIT);
        }
        if (kind == Outcome.Kind.ONSITE_VISIT) {
            r.getOutcomeBuilder().setDispatch(DispatchSummary.newBuilder().setProblem("failing disk").addParts("SSD 512 GB"));
        }
        return r.build();
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
