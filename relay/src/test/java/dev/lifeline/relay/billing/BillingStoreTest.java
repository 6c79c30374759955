package dev.lifeline.relay.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.contracts.Billing;
import dev.lifeline.relay.contracts.Billing.Flag;
import dev.lifeline.relay.contracts.Contract.BlockHours;
import dev.lifeline.relay.contracts.Contract.TimeAndMaterial;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sessions, billing entries, block drawdown and the CSV export on H2 and PostgreSQL. */
class BillingStoreTest {
    static final long NOV = Instant.parse("2026-11-23T09:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void blockHoursAreDrawnDownAcrossSessionsAndExported(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            ContractStore contracts = new ContractStore(db.database());
            BillingStore billing = new BillingStore(db.database(), contracts);
            ContractStore.Organisation acme = contracts.organisation("ACME", NOV);
            contracts.setContract(acme, new BlockHours(120, 60, 15), NOV);

            long first = billing.startSession(null, acme.id(), null, "Carol", NOV, NOV + 60_000);
            Billing one = billing.endSession(first, NOV + 60_000 + 40 * 60_000).orElseThrow();
            assertEquals(45, one.blockMinutesDrawn());
            assertEquals(75, one.blockMinutesRemaining());
            assertEquals(Optional.empty(), billing.endSession(first, NOV + 99_000_000), "ended once only");

            long second = billing.startSession(null, acme.id(), null, "=cmd|' /C calc'!A0", NOV, NOV);
            Billing two = billing.endSession(second, NOV + 50 * 60_000).orElseThrow();
            assertEquals(15, two.blockMinutesRemaining());
            assertEquals(java.util.Set.of(Flag.LOW_BALANCE), two.flags());
            long third = billing.startSession(null, acme.id(), null, "Dan", NOV, NOV + 3_600_000);
            Billing three = billing.endSession(third, NOV + 3_600_000 + 20 * 60_000).orElseThrow();
            assertTrue(three.flags().contains(Flag.OVERDRAWN));
            assertEquals(135, contracts.blockMinutesUsed(contracts.activeContract(acme.id()).orElseThrow().contractId()));

            String csv = billing.exportCsv("ACME", YearMonth.of(2026, 11));
            String[] lines = csv.split("\r\n");
            assertEquals(4, lines.length, csv);
            assertTrue(lines[0].startsWith("session,customer,technician,started_utc"));
            assertTrue(lines[1].contains("\"Carol\"") && lines[1].contains(",45,"), lines[1]);
            assertTrue(lines[2].contains("\"'=cmd|' /C calc'!A0\""), "formula neutralised: " + lines[2]);
            assertTrue(lines[3].contains("BLOCK_EXHAUSTED OVERDRAWN"), lines[3]);
            assertEquals(1, billing.exportCsv("ACME", YearMonth.of(2026, 12)).split("\r\n").length);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewContractAppliesToNewSessionsOnly(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            ContractStore contracts = new ContractStore(db.database());
            BillingStore billing = new BillingStore(db.database(), contracts);
            ContractStore.Organisation acme = contracts.organisation("ACME", NOV);
            contracts.setContract(acme, new TimeAndMaterial(12_000, 15), NOV);
            long session = billing.startSession(null, acme.id(), null, "Carol", NOV, NOV);
            long noContract = billing.startSession(null, null, null, "Walk-in", NOV, NOV);
            Billing b = billing.endSession(session, NOV + 16 * 60_000).orElseThrow();
            assertEquals(30, b.billedMinutes());
            assertEquals(6000, b.amountCents());
            assertEquals(Optional.empty(), billing.endSession(noContract, NOV + 60_000));
            contracts.setContract(acme, new TimeAndMaterial(15_000, 30), NOV);
            assertEquals(new TimeAndMaterial(15_000, 30), contracts.activeContract(acme.id()).orElseThrow().contract());
        }
    }
}
