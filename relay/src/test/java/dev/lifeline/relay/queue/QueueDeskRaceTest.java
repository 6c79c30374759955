package dev.lifeline.relay.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.QueueSubmit;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.NameplateRegistry;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue desk's start/end race: the relay's blocking pool has two threads, so a session's end
 * can run before its start's row insert. The pool here runs queued work newest first — the end
 * overtakes the start — and the session must still be ended and billed exactly once.
 */
class QueueDeskRaceTest {
    @TempDir
    Path dir;

    /** Work queued by the desk, run when (and in the order) the test says. */
    static final class HeldPool implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            queued.add(task);
        }

        /** Runs everything, newest first, including what the work queues in turn. */
        void runNewestFirst() {
            Runnable next;
            while ((next = poll()) != null) {
                next.run();
            }
        }

        private synchronized Runnable poll() {
            return queued.pollLast();
        }
    }

    /** A lobby connection in memory: the customer waits under a real nameplate. */
    static final class Connection implements LobbyConnection {
        final Role role;
        final NameplateRegistry registry;
        final EmbeddedChannel channel = new EmbeddedChannel();
        final List<RelayFrame> sent = new ArrayList<>();
        Entry entry;

        Connection(Role role, NameplateRegistry registry) {
            this.role = role;
            this.registry = registry;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String sourceAddress() {
            return "127.0.0.1";
        }

        @Override
        public void reply(RelayFrame frame) {
            sent.add(frame);
        }

        @Override
        public void push(RelayFrame frame) {
            sent.add(frame);
        }

        @Override
        public void fatal(ErrorCode code, String message) {
            throw new AssertionError("fatal " + code + ": " + message);
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public Optional<Entry> waitForTechnician(String customerName, Duration lifetime) {
            try {
                entry = registry.allocate(customerName, lifetime);
            } catch (Exception e) {
                return Optional.empty();
            }
            return Optional.of(entry);
        }

        @Override
        public boolean pairWith(Entry waiting) {
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEndThatOvertakesTheStartStillEndsAndBillsTheSession(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Clock clock = Clock.systemUTC();
            ContractStore contracts = new ContractStore(db.database());
            contracts.setContract(contracts.organisation("ACME", 0), new Contract.TimeAndMaterial(9000, 15), 0);
            dev.lifeline.relay.accounts.Accounts accounts = new dev.lifeline.relay.accounts.Accounts(db.database(),
                    new AuditLog(db.database(), clock), clock, new dev.lifeline.relay.accounts.PasswordHasher.Parameters(1024, 1, 1),
                    dev.lifeline.relay.accounts.Lockout.DEFAULT, dev.lifeline.relay.accounts.SessionTokens.DEFAULT_LIFETIME);
            char[] password = "correct horse battery staple".toCharArray();
            long alice = accounts.add("cli", "Alice Meyer", dev.lifeline.relay.accounts.AccountRole.TECHNICIAN, password.clone()).id();
            long bob = accounts.add("cli", "Bob Stone", dev.lifeline.relay.accounts.AccountRole.TECHNICIAN, password.clone()).id();
            HeldPool pool = new HeldPool();
            QueueDesk desk = new QueueDesk(new QueueStore(db.database()), contracts, new BillingStore(db.database(), contracts),
                    new AuditLog(db.database(), clock), pool, clock);
            NameplateRegistry registry = new NameplateRegistry(clock, Duration.ofMinutes(10), 100);

            Connection customer = new Connection(Role.CUSTOMER, registry);
            desk.submit(customer, QueueSubmit.newBuilder().setCustomerName("Dana").setProblem("printer prints blank pages")
                    .setOrganisation("ACME").build());
            pool.runNewestFirst();
            assertNotNull(customer.entry, "waiting under a nameplate");

            Connection technician = new Connection(Role.TECHNICIAN, registry);
            List<Long> rows = new ArrayList<>();
            assertTrue(desk.paired(customer.entry, technician, rows::add));
            desk.transferred(customer.entry, alice, bob, clock.millis()); // a handover queued in between waits too
            desk.ended(customer.entry);
            pool.runNewestFirst();

            assertEquals(1, rows.size(), "the start was recorded");
            try (java.sql.Connection c = db.database().dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement(
                         "select s.ended_at_ms, (select count(*) from billing_entries b where b.session_id = s.id),"
                                 + " s.technician_id, (select count(*) from session_handovers h where h.session_id = s.id)"
                                 + " from support_sessions s where s.id = ?")) {
                q.setLong(1, rows.get(0));
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getLong(1) > 0, "the session has its end time");
                    assertEquals(1, rs.getInt(2), "and exactly one billing entry");
                    assertEquals(bob, rs.getLong(3), "the handover came in before the end");
                    assertEquals(1, rs.getInt(4));
                }
            }
        }
    }
}
