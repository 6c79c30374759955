package dev.lifeline.relay.review;

import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.DayCount;
import dev.lifeline.common.wire.review.OrganisationFigures;
import dev.lifeline.common.wire.review.OutcomeCount;
import dev.lifeline.relay.database.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The lead's dashboard for a period, in one transaction: sessions per day, outcome mix, average
 * handling time, first-contact resolution, and per organisation the block-hour balance and SLA
 * breaches. Aggregation happens in the database; only the figures travel.
 */
public final class DashboardFigures {
    /** A period longer than this is refused (a day per row: at most a year and a bit of rows). */
    public static final Duration MAX_PERIOD = Duration.ofDays(400);
    /**
     * Resolved at the first contact: no follow-up session of the same customer (name and
     * organisation) within this time after the first contact's start.
     */
    static final long FOLLOW_UP_WINDOW_MS = Duration.ofDays(7).toMillis();
    /** The same customer: same name, same organisation (both without one counts as the same). */
    private static final String SAME_CUSTOMER = " p.customer_name = s.customer_name"
            + " and coalesce(p.organisation_id, -1) = coalesce(s.organisation_id, -1)";
    private static final long DAY_MS = 86_400_000L;

    private final Database database;

    public DashboardFigures(Database database) {
        this.database = database;
    }

    public static void check(DashboardQuery q) {
        if (q.getFromMs() <= 0 || q.getToMs() <= q.getFromMs() || q.getToMs() - q.getFromMs() > MAX_PERIOD.toMillis()) {
            throw new IllegalArgumentException("the period must be 1 day to " + MAX_PERIOD.toDays() + " days");
        }
        if (Math.abs(q.getUtcOffsetMinutes()) > 14 * 60) {
            throw new IllegalArgumentException("UTC offset out of range");
        }
    }

    public Dashboard figures(DashboardQuery q) throws SQLException {
        check(q);
        long from = q.getFromMs();
        long to = q.getToMs();
        long offsetMs = q.getUtcOffsetMinutes() * 60_000L;
        return database.inTransaction(c -> {
            Dashboard.Builder d = Dashboard.newBuilder();
            // Integer division by a day, shifted to the lead's zone: both databases floor positive values.
            try (PreparedStatement s = c.prepareStatement("select d, count(*) from (select (started_at_ms + ?) / " + DAY_MS
                    + " as d from support_sessions where started_at_ms >= ? and started_at_ms < ?) x group by d order by d")) {
                s.setLong(1, offsetMs);
                s.setLong(2, from);
                s.setLong(3, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        d.addPerDay(DayCount.newBuilder().setDay(LocalDate.ofEpochDay(rs.getLong(1)).toString())
                                .setSessions(rs.getInt(2)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select coalesce(r.outcome, ''), count(*) from support_sessions s"
                    + " left join reports r on r.session_id = s.id where s.started_at_ms >= ? and s.started_at_ms < ?"
                    + " group by coalesce(r.outcome, '') order by 1")) {
                s.setLong(1, from);
                s.setLong(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Outcome.Kind kind = SessionSearch.outcome(rs.getString(1).isEmpty() ? null : rs.getString(1));
                        d.addOutcomes(OutcomeCount.newBuilder().setOutcome(kind).setSessions(rs.getInt(2)));
                        if (kind != Outcome.Kind.KIND_UNSPECIFIED) {
                            d.setReported(d.getReported() + rs.getInt(2));
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*), coalesce(avg(ended_at_ms - started_at_ms), 0)"
                    + " from support_sessions where ended_at_ms is not null and started_at_ms >= ? and started_at_ms < ?")) {
                s.setLong(1, from);
                s.setLong(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    d.setSessions(rs.getInt(1)).setAverageHandlingSeconds((int) Math.round(rs.getDouble(2) / 1000));
                }
            }
            // First contacts: the customer's first session in the period (ties broken by row id);
            // resolved there when the report says remotely and no follow-up came within the window.
            try (PreparedStatement s = c.prepareStatement("select count(*), coalesce(sum(case when r.outcome = 'RESOLVED_REMOTELY'"
                    + " and not exists (select 1 from support_sessions p where" + SAME_CUSTOMER
                    + "   and (p.started_at_ms > s.started_at_ms or (p.started_at_ms = s.started_at_ms and p.id > s.id))"
                    + "   and p.started_at_ms <= s.started_at_ms + ?) then 1 else 0 end), 0)"
                    + " from support_sessions s left join reports r on r.session_id = s.id"
                    + " where s.started_at_ms >= ? and s.started_at_ms < ? and not exists (select 1 from support_sessions p"
                    + " where" + SAME_CUSTOMER + " and p.started_at_ms >= ?"
                    + "   and (p.started_at_ms < s.started_at_ms or (p.started_at_ms = s.started_at_ms and p.id < s.id)))")) {
                s.setLong(1, FOLLOW_UP_WINDOW_MS);
                s.setLong(2, from);
                s.setLong(3, to);
                s.setLong(4, from);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    d.setFirstContacts(rs.getInt(1)).setFirstContactResolved(rs.getInt(2));
                }
            }
            // Per organisation: the contract in force at the end of the period (the last one set
            // before it) and its block-hour balance then, not now.
            try (PreparedStatement s = c.prepareStatement("select o.name, coalesce(c.kind, ''), coalesce(c.block_minutes_purchased, 0),"
                    + " (select coalesce(sum(b.block_minutes_drawn), 0) from billing_entries b where b.contract_id = c.id"
                    + "   and b.ended_at_ms < ?),"
                    + " (select count(*) from billing_entries b where b.organisation_id = o.id and b.ended_at_ms >= ?"
                    + "   and b.ended_at_ms < ? and (b.first_response_met = false or b.resolution_met = false)),"
                    + " (select count(*) from support_sessions x where x.organisation_id = o.id and x.started_at_ms >= ?"
                    + "   and x.started_at_ms < ?)"
                    + " from organisations o left join contracts c on c.id = (select max(k.id) from contracts k"
                    + "   where k.organisation_id = o.id and k.created_at_ms < ?)"
                    + " order by o.name")) {
                s.setLong(1, to);
                s.setLong(2, from);
                s.setLong(3, to);
                s.setLong(4, from);
                s.setLong(5, to);
                s.setLong(6, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean block = rs.getString(2).equals("BLOCK_HOURS");
                        d.addOrganisations(OrganisationFigures.newBuilder().setName(rs.getString(1))
                                .setContract(rs.getString(2)).setBlockHours(block)
                                .setBlockMinutesPurchased(block ? rs.getLong(3) : 0)
                                .setBlockMinutesRemaining(block ? rs.getLong(3) - rs.getLong(4) : 0)
                                .setSlaBreaches(rs.getInt(5)).setSessions(rs.getInt(6)));
                    }
                }
            }
            return d.build();
        });
    }
}
