package dev.lifeline.relay.billing;

import dev.lifeline.relay.contracts.Billing;
import dev.lifeline.relay.contracts.BillingCalculator;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.contracts.ContractStore.ActiveContract;
import dev.lifeline.relay.contracts.SessionTimes;
import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Support sessions and their billing entries: a session row when a technician picks a customer,
 * and at its end the entry its contract's rule computes. Exports entries per organisation and
 * month as CSV.
 */
public final class BillingStore {
    private final Database database;
    private final ContractStore contracts;

    public BillingStore(Database database, ContractStore contracts) {
        this.database = database;
        this.contracts = contracts;
    }

    /** Records a started session; returns its id. */
    public long startSession(Long queueEntryId, Long organisationId, Long technicianId, String customerName,
                             long requestedAtMs, long startedAtMs) throws SQLException {
        Optional<ActiveContract> contract = organisationId == null ? Optional.empty()
                : contracts.activeContract(organisationId);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into support_sessions (queue_entry_id,"
                     + " organisation_id, contract_id, technician_id, customer_name, requested_at_ms, started_at_ms)"
                     + " values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            setLong(insert, 1, queueEntryId);
            setLong(insert, 2, organisationId);
            setLong(insert, 3, contract.map(ActiveContract::contractId).orElse(null));
            setLong(insert, 4, technicianId);
            insert.setString(5, customerName);
            insert.setLong(6, requestedAtMs);
            insert.setLong(7, startedAtMs);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Ends the session and writes its billing entry by the contract it started under. Empty when
     * the session had no contract (no organisation) or was ended already.
     */
    public synchronized Optional<Billing> endSession(long sessionId, long endedAtMs) throws SQLException {
        return database.inTransaction(c -> {
            long requested;
            long started;
            Long organisationId;
            Long contractId;
            try (PreparedStatement q = c.prepareStatement("select requested_at_ms, started_at_ms, organisation_id,"
                    + " contract_id, ended_at_ms from support_sessions where id = ?")) {
                q.setLong(1, sessionId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next() || rs.getObject(5) != null) {
                        return Optional.<Billing>empty();
                    }
                    requested = rs.getLong(1);
                    started = rs.getLong(2);
                    organisationId = (Long) rs.getObject(3, Long.class);
                    contractId = (Long) rs.getObject(4, Long.class);
                }
            }
            try (PreparedStatement end = c.prepareStatement("update support_sessions set ended_at_ms = ? where id = ?")) {
                end.setLong(1, endedAtMs);
                end.setLong(2, sessionId);
                end.executeUpdate();
            }
            if (organisationId == null || contractId == null) {
                return Optional.<Billing>empty();
            }
            Optional<ActiveContract> active = contracts.activeContract(organisationId)
                    .filter(a -> a.contractId() == contractId);
            if (active.isEmpty()) {
                return Optional.<Billing>empty();
            }
            long usedBefore = contracts.blockMinutesUsed(contractId);
            Billing billing = BillingCalculator.bill(active.get().contract(),
                    new SessionTimes(requested, started, Math.max(started, endedAtMs)), usedBefore);
            try (PreparedStatement insert = c.prepareStatement("insert into billing_entries (session_id,"
                    + " organisation_id, contract_id, ended_at_ms, waiting_seconds, handling_seconds, billed_minutes,"
                    + " amount_cents, block_minutes_drawn, first_response_met, resolution_met, flags)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, sessionId);
                insert.setLong(2, organisationId);
                insert.setLong(3, contractId);
                insert.setLong(4, endedAtMs);
                insert.setLong(5, billing.waitingSeconds());
                insert.setLong(6, billing.handlingSeconds());
                insert.setLong(7, billing.billedMinutes());
                insert.setLong(8, billing.amountCents());
                insert.setLong(9, billing.blockMinutesDrawn());
                setBoolean(insert, 10, billing.firstResponseMet());
                setBoolean(insert, 11, billing.resolutionMet());
                insert.setString(12, billing.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")));
                insert.executeUpdate();
            }
            return Optional.of(billing);
        });
    }

    /** One exported line. */
    public record Entry(long sessionId, String customerName, String technician, long startedAtMs, long endedAtMs,
                        long waitingSeconds, long handlingSeconds, long billedMinutes, long amountCents,
                        long blockMinutesDrawn, String flags) {
    }

    public List<Entry> entries(String organisation, YearMonth month) throws SQLException {
        long from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Entry> entries = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select s.id, s.customer_name, coalesce(a.name, ''), s.started_at_ms,"
                     + " b.ended_at_ms, b.waiting_seconds, b.handling_seconds, b.billed_minutes, b.amount_cents,"
                     + " b.block_minutes_drawn, b.flags from billing_entries b"
                     + " join support_sessions s on s.id = b.session_id"
                     + " join organisations o on o.id = b.organisation_id"
                     + " left join accounts a on a.id = s.technician_id"
                     + " where o.name = ? and b.ended_at_ms >= ? and b.ended_at_ms < ? order by b.ended_at_ms")) {
            q.setString(1, organisation);
            q.setLong(2, from);
            q.setLong(3, to);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11)));
                }
            }
        }
        return entries;
    }

    /** RFC 4180 CSV with a header line; times in UTC ISO-8601, amounts in the contract's currency units. */
    public String exportCsv(String organisation, YearMonth month) throws SQLException {
        StringBuilder csv = new StringBuilder(
                "session,customer,technician,started_utc,ended_utc,waiting_s,handling_s,billed_min,amount,block_min_drawn,flags\r\n");
        for (Entry e : entries(organisation, month)) {
            csv.append(e.sessionId()).append(',')
                    .append(quote(e.customerName())).append(',')
                    .append(quote(e.technician())).append(',')
                    .append(java.time.Instant.ofEpochMilli(e.startedAtMs())).append(',')
                    .append(java.time.Instant.ofEpochMilli(e.endedAtMs())).append(',')
                    .append(e.waitingSeconds()).append(',')
                    .append(e.handlingSeconds()).append(',')
                    .append(e.billedMinutes()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%d.%02d", e.amountCents() / 100, e.amountCents() % 100)).append(',')
                    .append(e.blockMinutesDrawn()).append(',')
                    .append(quote(e.flags())).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes every text field; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula. */
    static String quote(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }
}
