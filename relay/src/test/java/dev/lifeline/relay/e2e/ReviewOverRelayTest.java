package dev.lifeline.relay.e2e;

import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.ERROR;
import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.PAIRED;
import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.SESSION_OPENED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.diagnostics.Suggestion;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.Join;
import dev.lifeline.common.wire.relay.OpenSession;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.Dashboard;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.FileReport;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.ReportQuery;
import dev.lifeline.common.wire.review.SessionPage;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.common.wire.review.Tristate;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Session reports and review requests over a real relay (TLS on loopback, real database): the
 * session's technician files its report, nobody else may; only leads and admins list, read and
 * see the dashboard; bad and oversized reports get typed errors and change nothing.
 */
class ReviewOverRelayTest {
    static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(1024, 1, 1);
    static final String PASSWORD = "correct horse battery staple";
    static EventLoopGroup group;

    @TempDir
    Path dir;

    @BeforeAll
    static void loops() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoops() {
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private TestClient signedIn(RunningRelay relay, String name) throws Exception {
        TestClient c = TestClient.connect(group, relay.port(), relay.certificateFingerprint());
        c.hello(Role.TECHNICIAN);
        c.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setName(name).setPassword(PASSWORD)).build());
        c.next(RelayFrame.BodyCase.SIGNED_IN);
        return c;
    }

    private static RelayFrame file(SessionReport report, boolean hadControl) {
        return RelayFrame.newBuilder().setFileReport(FileReport.newBuilder().setReport(report).setHadControl(hadControl)).build();
    }

    private static SessionReport report(String sessionHex, Outcome.Kind kind, String notes) {
        long now = System.currentTimeMillis();
        return SessionReport.newBuilder().setFormatVersion(1).setReportId(UUID.randomUUID().toString())
                .setSessionId(sessionHex).setStartedAtMs(now - 60_000).setEndedAtMs(now)
                .setCustomer(Party.newBuilder().setName("Carol")).setRecommendation(Suggestion.ONSITE_VISIT)
                .setOutcome(Outcome.newBuilder().setKind(kind).setNotes(notes)).build();
    }

    private static boolean rowExists(Database database, String sessionHex) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("select ended_at_ms from support_sessions where relay_session_id = ?")) {
            q.setString(1, sessionHex);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theTechnicianFilesTheReportAndOnlyLeadsReviewIt(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir);
             RunningRelay relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0)
                     .dataDir(dir.resolve("relay")).database(db.database()).passwordHashing(FAST).build())) {
            Clock clock = Clock.systemUTC();
            Accounts accounts = new Accounts(db.database(), new AuditLog(db.database(), clock), clock, FAST, Lockout.DEFAULT,
                    SessionTokens.DEFAULT_LIFETIME);
            accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            accounts.add("cli", "Bob Stone", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            accounts.add("cli", "Lena Lead", AccountRole.LEAD, PASSWORD.toCharArray());

            // A code-flow session joined by Alice, signed in on the joining connection.
            TestClient customer = TestClient.connect(group, relay.port(), relay.certificateFingerprint());
            customer.hello(Role.CUSTOMER);
            customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName("Carol")).build());
            String nameplate = customer.next(SESSION_OPENED).getSessionOpened().getNameplate();
            TestClient joining = signedIn(relay, "Alice Meyer");
            joining.send(RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(nameplate)).build());
            String sessionHex = HexFormat.of().formatHex(joining.next(PAIRED).getPaired().getSessionId().toByteArray());
            customer.next(PAIRED);
            joining.send(RelayFrame.newBuilder().setClose(Close.newBuilder().setReason(CloseReason.ENDED_BY_TECHNICIAN)).build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!rowExists(db.database(), sessionHex)) {
                assertTrue(System.nanoTime() < deadline, "the session's row was written and ended");
                Thread.sleep(20);
            }

            SessionReport good = report(sessionHex, Outcome.Kind.ONSITE_VISIT, "disk clicks, dispatch booked");
            try (TestClient anonymous = TestClient.connect(group, relay.port(), relay.certificateFingerprint());
                 TestClient bob = signedIn(relay, "Bob Stone");
                 TestClient alice = signedIn(relay, "Alice Meyer");
                 TestClient lead = signedIn(relay, "Lena Lead")) {
                anonymous.hello(Role.TECHNICIAN);
                anonymous.send(file(good, true));
                assertEquals(ErrorCode.NOT_SIGNED_IN, anonymous.next(ERROR).getError().getCode());
                bob.send(file(good, true));
                assertEquals(ErrorCode.FORBIDDEN, bob.next(ERROR).getError().getCode(), "not Bob's session");

                alice.send(file(good.toBuilder().setReportId("not-a-uuid").build(), true));
                assertEquals(ErrorCode.INVALID_REQUEST, alice.next(ERROR).getError().getCode());
                alice.send(file(good.toBuilder().setOutcome(Outcome.newBuilder().setNotes("x".repeat(5000))
                        .setKind(Outcome.Kind.NOT_RESOLVED)).build(), true));
                assertEquals(ErrorCode.FRAME_TOO_LARGE, alice.next(ERROR).getError().getCode());
                alice.send(file(report("0".repeat(32), Outcome.Kind.RESOLVED_REMOTELY, ""), false));
                assertEquals(ErrorCode.INVALID_REQUEST, alice.next(ERROR).getError().getCode(), "unknown session");

                alice.send(file(good, true));
                long row = alice.next(RelayFrame.BodyCase.REPORT_FILED).getReportFiled().getSupportSessionId();
                alice.send(file(good, true));
                assertTrue(alice.next(RelayFrame.BodyCase.REPORT_FILED).getReportFiled().getAlreadyStored(), "a retry is a no-op");
                alice.send(file(report(sessionHex, Outcome.Kind.RESOLVED_REMOTELY, "other"), false));
                assertEquals(ErrorCode.INVALID_REQUEST, alice.next(ERROR).getError().getCode(), "the first report stays");

                // Technicians may not review.
                alice.send(RelayFrame.newBuilder().setSessionQuery(SessionQuery.newBuilder().setLimit(10)).build());
                assertEquals(ErrorCode.FORBIDDEN, alice.next(ERROR).getError().getCode());
                alice.send(RelayFrame.newBuilder().setReportQuery(ReportQuery.newBuilder().setSupportSessionId(row)).build());
                assertEquals(ErrorCode.FORBIDDEN, alice.next(ERROR).getError().getCode());
                long now = System.currentTimeMillis();
                DashboardQuery period = DashboardQuery.newBuilder().setFromMs(now - 86_400_000L).setToMs(now + 86_400_000L).build();
                alice.send(RelayFrame.newBuilder().setDashboardQuery(period).build());
                assertEquals(ErrorCode.FORBIDDEN, alice.next(ERROR).getError().getCode());

                // The lead finds it with filters, reads it, sees it counted.
                lead.send(RelayFrame.newBuilder().setSessionQuery(SessionQuery.newBuilder().setTechnician("Alice Meyer")
                        .addOutcomes(Outcome.Kind.ONSITE_VISIT).setHadControl(Tristate.YES)
                        .setOnsiteRecommended(Tristate.YES).setLimit(10)).build());
                SessionPage page = lead.next(RelayFrame.BodyCase.SESSION_PAGE).getSessionPage();
                assertEquals(1, page.getTotal());
                assertEquals(sessionHex, page.getRows(0).getRelaySessionId());
                assertEquals("Carol", page.getRows(0).getCustomerName());
                assertFalse(page.getRows(0).getViaQueue());
                lead.send(RelayFrame.newBuilder().setSessionQuery(SessionQuery.newBuilder().setTechnician("Bob Stone")
                        .setLimit(10)).build());
                assertEquals(0, lead.next(RelayFrame.BodyCase.SESSION_PAGE).getSessionPage().getTotal());
                lead.send(RelayFrame.newBuilder().setSessionQuery(SessionQuery.newBuilder().setLimit(5000)).build());
                assertEquals(ErrorCode.INVALID_REQUEST, lead.next(ERROR).getError().getCode(), "page size is bounded");

                lead.send(RelayFrame.newBuilder().setReportQuery(ReportQuery.newBuilder().setSupportSessionId(row)).build());
                ReportAnswer answer = lead.next(RelayFrame.BodyCase.REPORT_ANSWER).getReportAnswer();
                assertEquals(good, answer.getReport());

                lead.send(RelayFrame.newBuilder().setDashboardQuery(period).build());
                Dashboard dashboard = lead.next(RelayFrame.BodyCase.DASHBOARD).getDashboard();
                assertEquals(1, dashboard.getSessions());
                assertEquals(1, dashboard.getReported());
            }
        }
    }

    /**
     * A technician who joins by code without signing in gets a report claim (the customer does
     * not); filing later, signed in, with that claim makes the filer the session's technician. No
     * claim, a wrong one or a second claimant is refused with a typed error; the claim never
     * reaches the relay's log.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionJoinedWithoutSigningInIsFiledWithItsReportClaim(Backend backend) throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (TestDatabase db = TestDatabases.open(backend, dir);
             RunningRelay relay = RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0)
                     .dataDir(dir.resolve("relay")).database(db.database()).passwordHashing(FAST).build())) {
            Clock clock = Clock.systemUTC();
            Accounts accounts = new Accounts(db.database(), new AuditLog(db.database(), clock), clock, FAST, Lockout.DEFAULT,
                    SessionTokens.DEFAULT_LIFETIME);
            accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            accounts.add("cli", "Bob Stone", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            accounts.add("cli", "Lena Lead", AccountRole.LEAD, PASSWORD.toCharArray());

            TestClient customer = TestClient.connect(group, relay.port(), relay.certificateFingerprint());
            customer.hello(Role.CUSTOMER);
            customer.send(RelayFrame.newBuilder().setOpenSession(OpenSession.newBuilder().setCustomerName("Carol")).build());
            String nameplate = customer.next(SESSION_OPENED).getSessionOpened().getNameplate();
            // Joined with the identity file only: no sign-in on this connection.
            TestClient joining = TestClient.connect(group, relay.port(), relay.certificateFingerprint());
            joining.hello(Role.TECHNICIAN);
            joining.send(RelayFrame.newBuilder().setJoin(Join.newBuilder().setNameplate(nameplate)).build());
            var paired = joining.next(PAIRED).getPaired();
            String sessionHex = HexFormat.of().formatHex(paired.getSessionId().toByteArray());
            com.google.protobuf.ByteString claim = paired.getReportClaim();
            assertEquals(32, claim.size(), "the technician's side gets a claim");
            assertTrue(customer.next(PAIRED).getPaired().getReportClaim().isEmpty(), "the customer's side does not");
            joining.send(RelayFrame.newBuilder().setClose(Close.newBuilder().setReason(CloseReason.ENDED_BY_TECHNICIAN)).build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!rowExists(db.database(), sessionHex)) {
                assertTrue(System.nanoTime() < deadline, "the session's row was written and ended");
                Thread.sleep(20);
            }

            SessionReport good = report(sessionHex, Outcome.Kind.RESOLVED_REMOTELY, "printer driver reinstalled");
            byte[] wrong = claim.toByteArray();
            wrong[31] ^= 1;
            try (TestClient bob = signedIn(relay, "Bob Stone");
                 TestClient alice = signedIn(relay, "Alice Meyer");
                 TestClient lead = signedIn(relay, "Lena Lead")) {
                alice.send(file(good, false));
                assertEquals(ErrorCode.FORBIDDEN, alice.next(ERROR).getError().getCode(), "no claim, no technician on record");
                alice.send(claimed(good, com.google.protobuf.ByteString.copyFrom(wrong)));
                RelayFrame mismatch = alice.next(ERROR);
                assertEquals(ErrorCode.FORBIDDEN, mismatch.getError().getCode());
                assertTrue(mismatch.getError().getMessage().contains("claim does not match"), mismatch.getError().getMessage());
                alice.send(claimed(good, com.google.protobuf.ByteString.copyFrom(new byte[1000])));
                assertEquals(ErrorCode.INVALID_REQUEST, alice.next(ERROR).getError().getCode(), "a claim's size is bounded");

                alice.send(claimed(good, claim));
                assertFalse(alice.next(RelayFrame.BodyCase.REPORT_FILED).getReportFiled().getAlreadyStored());
                alice.send(claimed(good, claim));
                assertTrue(alice.next(RelayFrame.BodyCase.REPORT_FILED).getReportFiled().getAlreadyStored(), "a retry is a no-op");
                bob.send(claimed(report(sessionHex, Outcome.Kind.NOT_RESOLVED, "mine"), claim));
                assertEquals(ErrorCode.FORBIDDEN, bob.next(ERROR).getError().getCode(), "a second claimant is refused");

                lead.send(RelayFrame.newBuilder().setSessionQuery(SessionQuery.newBuilder().setTechnician("Alice Meyer")
                        .setLimit(10)).build());
                SessionPage page = lead.next(RelayFrame.BodyCase.SESSION_PAGE).getSessionPage();
                assertEquals(1, page.getTotal(), "the filer is recorded as the session's technician");
                assertEquals(sessionHex, page.getRows(0).getRelaySessionId());
                lead.send(RelayFrame.newBuilder().setReportQuery(ReportQuery.newBuilder()
                        .setSupportSessionId(page.getRows(0).getId())).build());
                assertEquals(good, lead.next(RelayFrame.BodyCase.REPORT_ANSWER).getReportAnswer().getReport());
            }
            String hex = HexFormat.of().formatHex(claim.toByteArray());
            String base64 = java.util.Base64.getEncoder().encodeToString(claim.toByteArray());
            for (var event : logged.list) {
                String line = event.getFormattedMessage();
                assertFalse(line.contains(hex) || line.contains(base64), "the claim is never logged: " + line);
            }
            try (Connection c = db.database().dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("select claim_hash from support_sessions where relay_session_id = ?")) {
                q.setString(1, sessionHex);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(null, rs.getString(1), "a claim works once");
                }
            }
        } finally {
            root.detachAppender(logged);
        }
    }

    private static RelayFrame claimed(SessionReport report, com.google.protobuf.ByteString claim) {
        return RelayFrame.newBuilder().setFileReport(FileReport.newBuilder().setReport(report).setClaimToken(claim)).build();
    }
}
