package dev.lifeline.relay.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.RelayCommand;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The hash chain on H2 and PostgreSQL: intact, then tampered rows found by `audit verify`. */
class AuditLogTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void verifyFindsTheFirstTamperedRow(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            AuditLog log = new AuditLog(db.database(), Clock.systemUTC());
            for (int i = 1; i <= 5; i++) {
                assertEquals(i, log.append("alice", "signin", "from 10.0.0." + i));
            }
            AuditVerification intact = log.verify();
            assertTrue(intact.intact());
            assertEquals(5, intact.entriesChecked());
            assertEquals(0, verifyCommand(db, backend));

            sql(db, "update audit_log set detail = 'from 192.168.1.1' where seq = 3");
            AuditVerification changed = log.verify();
            assertFalse(changed.intact());
            assertEquals(3, changed.firstBrokenSeq());
            assertEquals(1, verifyCommand(db, backend));

            // Recomputing the row's own hash does not help: the next row no longer points at it.
            sql(db, "update audit_log set hash = '" + AuditLog.hash(
                    row(db, 3, "prev_hash"), 3, Long.parseLong(row(db, 3, "at_ms")), "alice", "signin", "from 192.168.1.1")
                    + "' where seq = 3");
            AuditVerification rehashed = log.verify();
            assertEquals(4, rehashed.firstBrokenSeq());
            assertTrue(rehashed.problem().contains("does not point"), rehashed.problem());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDeletedRowBreaksTheChain(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            AuditLog log = new AuditLog(db.database(), Clock.systemUTC());
            for (int i = 1; i <= 4; i++) {
                log.append("cli", "account.add", "user" + i);
            }
            sql(db, "delete from audit_log where seq = 2");
            AuditVerification result = log.verify();
            assertEquals(3, result.firstBrokenSeq());
            assertTrue(result.problem().contains("entry 2 is missing"));
        }
    }

    private int verifyCommand(TestDatabase db, Backend backend) {
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return cli.execute("audit", "verify", "--data-dir", dir.toString(), "--db", db.url());
        } finally {
            System.setOut(old);
        }
    }

    private static void sql(TestDatabase db, String statement) throws Exception {
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String row(TestDatabase db, long seq, String column) throws Exception {
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select " + column + " from audit_log where seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
