package dev.lifeline.relay.review;

import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.common.wire.review.SessionRow;
import dev.lifeline.common.wire.review.Tristate;
import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sessions list: filters, sorting and paging done by the database (LIMIT/OFFSET over the
 * indexed start time), so a lead pages through thousands of sessions without the relay holding
 * them. Every value is a bound parameter; only fixed SQL fragments are put together.
 */
public final class SessionSearch {
    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 1_000_000;
    static final int MAX_TEXT = 100;

    private static final String SELECT = "select s.id, s.relay_session_id, s.customer_name,"
            + " coalesce(o.name, r.organisation_name, '') as org, coalesce(a.name, '') as tech,"
            + " s.started_at_ms, s.ended_at_ms, s.via_queue, s.recording_id, r.id as report_row, r.outcome,"
            + " r.had_control, r.onsite_recommended, r.findings_count, r.notes";
    private static final String FROM = " from support_sessions s"
            + " left join organisations o on o.id = s.organisation_id"
            + " left join accounts a on a.id = s.technician_id"
            + " left join reports r on r.session_id = s.id";
    private static final String DURATION_MS = "(coalesce(s.ended_at_ms, s.started_at_ms) - s.started_at_ms)";

    private final Database database;

    public SessionSearch(Database database) {
        this.database = database;
    }

    /** Checks a query's bounds; a bad one is an {@link IllegalArgumentException} with the reason. */
    public static void check(SessionQuery q) {
        if (q.getLimit() < 1 || q.getLimit() > MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be 1-" + MAX_LIMIT);
        }
        if (q.getOffset() > MAX_OFFSET) {
            throw new IllegalArgumentException("offset too large");
        }
        if (q.getText().length() > MAX_TEXT || q.getTechnician().length() > 100 || q.getOrganisation().length() > 200) {
            throw new IllegalArgumentException("search text up to " + MAX_TEXT + " characters");
        }
        if (q.getOutcomesCount() > 5 || q.getSortValue() > 5 || q.getHadControlValue() > 2 || q.getOnsiteRecommendedValue() > 2
                || q.getOutcomesList().contains(Outcome.Kind.UNRECOGNIZED)) {
            throw new IllegalArgumentException("unknown filter value");
        }
        if (q.getToMs() != 0 && q.getToMs() < q.getFromMs()) {
            throw new IllegalArgumentException("the date range ends before it starts");
        }
    }

    public SessionPage page(SessionQuery q) throws SQLException {
        check(q);
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        String direction = q.getAscending() ? " asc" : " desc";
        String order = switch (q.getSort()) {
            case SORT_DURATION -> DURATION_MS;
            case SORT_TECHNICIAN -> "coalesce(a.name, '')";
            case SORT_ORGANISATION -> "coalesce(o.name, r.organisation_name, '')";
            case SORT_OUTCOME -> "coalesce(r.outcome, '')";
            case SORT_CUSTOMER -> "s.customer_name";
            default -> "s.started_at_ms";
        };
        SessionPage.Builder page = SessionPage.newBuilder().setOffset(q.getOffset());
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement count = c.prepareStatement("select count(*)" + FROM + where)) {
                bind(count, params);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    page.setTotal(rs.getLong(1));
                }
            }
            try (PreparedStatement select = c.prepareStatement(SELECT + FROM + where + " order by " + order + direction
                    + ", s.id" + direction + " limit ? offset ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(q.getLimit());
                all.add(q.getOffset());
                bind(select, all);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.addRows(row(rs));
                    }
                }
            }
        }
        return page.build();
    }

    public Optional<SessionRow> row(long supportSessionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(SELECT + FROM + " where s.id = ?")) {
            q.setLong(1, supportSessionId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static String where(SessionQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (q.getFromMs() != 0) {
            w.append(" and s.started_at_ms >= ?");
            params.add(q.getFromMs());
        }
        if (q.getToMs() != 0) {
            w.append(" and s.started_at_ms < ?");
            params.add(q.getToMs());
        }
        if (!q.getTechnician().isBlank()) {
            w.append(" and a.name = ?");
            params.add(q.getTechnician().strip());
        }
        if (!q.getOrganisation().isBlank()) {
            w.append(" and coalesce(o.name, r.organisation_name, '') = ?");
            params.add(q.getOrganisation().strip());
        }
        if (!q.getText().isBlank()) {
            String like = "%" + escapeLike(q.getText().strip().toLowerCase(Locale.ROOT)) + "%";
            w.append(" and (lower(s.customer_name) like ? escape '!' or lower(coalesce(a.name, '')) like ? escape '!'"
                    + " or lower(coalesce(o.name, r.organisation_name, '')) like ? escape '!'"
                    + " or lower(coalesce(r.notes, '')) like ? escape '!')");
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        if (q.getOutcomesCount() > 0) {
            List<String> kinds = new ArrayList<>();
            boolean none = false;
            for (Outcome.Kind k : q.getOutcomesList()) {
                if (k == Outcome.Kind.KIND_UNSPECIFIED) {
                    none = true;
                } else if (!kinds.contains(k.name())) {
                    kinds.add(k.name());
                }
            }
            List<String> alternatives = new ArrayList<>();
            if (!kinds.isEmpty()) {
                alternatives.add("r.outcome in (" + "?, ".repeat(kinds.size() - 1) + "?)");
                params.addAll(kinds);
            }
            if (none) {
                alternatives.add("r.id is null");
            }
            w.append(" and (").append(String.join(" or ", alternatives)).append(')');
        }
        if (q.getMinDurationSeconds() > 0) {
            w.append(" and ").append(DURATION_MS).append(" >= ?");
            params.add(q.getMinDurationSeconds() * 1000L);
        }
        if (q.getMaxDurationSeconds() > 0) {
            w.append(" and ").append(DURATION_MS).append(" <= ?");
            params.add(q.getMaxDurationSeconds() * 1000L);
        }
        tristate(w, "r.had_control", q.getHadControl());
        tristate(w, "r.onsite_recommended", q.getOnsiteRecommended());
        return w.toString();
    }

    private static void tristate(StringBuilder w, String column, Tristate value) {
        if (value == Tristate.YES) {
            w.append(" and ").append(column).append(" = true");
        } else if (value == Tristate.NO) {
            w.append(" and (").append(column).append(" is null or ").append(column).append(" = false)");
        }
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
    }

    private static SessionRow row(ResultSet rs) throws SQLException {
        long started = rs.getLong("started_at_ms");
        Long ended = rs.getObject("ended_at_ms", Long.class);
        SessionRow.Builder row = SessionRow.newBuilder()
                .setId(rs.getLong("id"))
                .setRelaySessionId(nz(rs.getString("relay_session_id")))
                .setCustomerName(nz(rs.getString("customer_name")))
                .setOrganisation(nz(rs.getString("org")))
                .setTechnician(nz(rs.getString("tech")))
                .setStartedAtMs(started)
                .setEndedAtMs(ended == null ? 0 : ended)
                .setDurationSeconds((int) Math.min(Integer.MAX_VALUE, ended == null ? 0 : Math.max(0, (ended - started) / 1000)))
                .setViaQueue(rs.getBoolean("via_queue"))
                .setRecorded(rs.getString("recording_id") != null);
        if (rs.getObject("report_row") != null) {
            String notes = nz(rs.getString("notes"));
            row.setHasReport(true)
                    .setOutcome(outcome(rs.getString("outcome")))
                    .setHadControl(rs.getBoolean("had_control"))
                    .setOnsiteRecommended(rs.getBoolean("onsite_recommended"))
                    .setFindings(rs.getInt("findings_count"))
                    .setNotesExcerpt(ReportColumns.clip(notes, 200));
        }
        return row.build();
    }

    static Outcome.Kind outcome(String name) {
        try {
            return name == null ? Outcome.Kind.KIND_UNSPECIFIED : Outcome.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Outcome.Kind.KIND_UNSPECIFIED;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
