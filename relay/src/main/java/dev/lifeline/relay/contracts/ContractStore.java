package dev.lifeline.relay.contracts;

import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.ManagedServices;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import dev.lifeline.relay.database.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Customer organisations and their contracts; one active contract per organisation. */
public final class ContractStore {
    private final Database database;

    public ContractStore(Database database) {
        this.database = database;
    }

    public record Organisation(long id, String name) {
    }

    /** An organisation's active contract and its id (billing entries point at it). */
    public record ActiveContract(long contractId, Organisation organisation, Contract contract) {
    }

    /** Finds or creates the organisation {@code name}. */
    public Organisation organisation(String name, long nowMs) throws SQLException {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("organisation names have 1 to 200 characters");
        }
        Optional<Organisation> found = findOrganisation(clean);
        if (found.isPresent()) {
            return found.get();
        }
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into organisations (name, created_at_ms) values (?, ?)")) {
            insert.setString(1, clean);
            insert.setLong(2, nowMs);
            insert.executeUpdate();
        } catch (SQLException e) {
            // Created concurrently: fine, read it.
            if (findOrganisation(clean).isEmpty()) {
                throw e;
            }
        }
        return findOrganisation(clean).orElseThrow();
    }

    public Optional<Organisation> findOrganisation(String name) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select id, name from organisations where name = ?")) {
            q.setString(1, name.strip());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Organisation(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public List<Organisation> organisations() throws SQLException {
        List<Organisation> all = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select id, name from organisations order by name");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                all.add(new Organisation(rs.getLong(1), rs.getString(2)));
            }
        }
        return all;
    }

    /** Makes {@code contract} the organisation's active one (the previous one stays for old entries). */
    public long setContract(Organisation organisation, Contract contract, long nowMs) throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement off = c.prepareStatement("update contracts set active = false where organisation_id = ?")) {
                off.setLong(1, organisation.id());
                off.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into contracts (organisation_id, kind,"
                    + " rate_cents_per_hour, billing_increment_minutes, monthly_fee_cents, sla_first_response_minutes,"
                    + " sla_resolution_minutes, hours_of_cover, block_minutes_purchased, low_balance_minutes, active,"
                    + " created_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)", new String[] {"id"})) {
                insert.setLong(1, organisation.id());
                for (int i = 3; i <= 10; i++) {
                    insert.setNull(i, i == 8 ? Types.VARCHAR : Types.BIGINT);
                }
                if (contract instanceof TimeAndMaterial tm) {
                    insert.setString(2, "TIME_AND_MATERIAL");
                    insert.setLong(3, tm.rateCentsPerHour());
                    insert.setLong(4, tm.incrementMinutes());
                } else if (contract instanceof ManagedServices ms) {
                    insert.setString(2, "MANAGED_SERVICES");
                    insert.setLong(5, ms.monthlyFeeCents());
                    insert.setLong(6, ms.firstResponseMinutes());
                    insert.setLong(7, ms.resolutionMinutes());
                    insert.setString(8, ms.cover().describe());
                } else {
                    BlockHours bh = (BlockHours) contract;
                    insert.setString(2, "BLOCK_HOURS");
                    insert.setLong(4, bh.incrementMinutes());
                    insert.setLong(9, bh.purchasedMinutes());
                    insert.setLong(10, bh.lowBalanceMinutes());
                }
                insert.setLong(11, nowMs);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public Optional<ActiveContract> activeContract(long organisationId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select c.id, o.id, o.name, c.kind, c.rate_cents_per_hour,"
                     + " c.billing_increment_minutes, c.monthly_fee_cents, c.sla_first_response_minutes,"
                     + " c.sla_resolution_minutes, c.hours_of_cover, c.block_minutes_purchased, c.low_balance_minutes"
                     + " from contracts c join organisations o on o.id = c.organisation_id"
                     + " where c.organisation_id = ? and c.active")) {
            q.setLong(1, organisationId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Contract contract = switch (rs.getString(4)) {
                    case "TIME_AND_MATERIAL" -> new TimeAndMaterial(rs.getLong(5), rs.getInt(6));
                    case "MANAGED_SERVICES" -> new ManagedServices(rs.getLong(7), rs.getInt(8), rs.getInt(9),
                            HoursOfCover.parse(rs.getString(10)));
                    case "BLOCK_HOURS" -> new BlockHours(rs.getLong(11), rs.getLong(12), rs.getInt(6));
                    default -> throw new SQLException("unknown contract kind " + rs.getString(4));
                };
                return Optional.of(new ActiveContract(rs.getLong(1), new Organisation(rs.getLong(2), rs.getString(3)), contract));
            }
        }
    }

    /** Minutes drawn from block-hours contract {@code contractId} so far. */
    public long blockMinutesUsed(long contractId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select coalesce(sum(block_minutes_drawn), 0) from billing_entries where contract_id = ?")) {
            q.setLong(1, contractId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
