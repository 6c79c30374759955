package dev.lifeline.relay.e2e;

import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.PAIRED;
import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.QUEUE_SNAPSHOT;
import static dev.lifeline.common.wire.relay.RelayFrame.BodyCase.QUEUE_STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.identity.CertificateChainVerifier;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.identity.TechnicianVerification;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.AddAccount;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.ListAccounts;
import dev.lifeline.common.wire.relay.QueueItem;
import dev.lifeline.common.wire.relay.QueuePick;
import dev.lifeline.common.wire.relay.QueueStatus;
import dev.lifeline.common.wire.relay.QueueSubmit;
import dev.lifeline.common.wire.relay.QueueSubscribe;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.relay.SignInFailure;
import dev.lifeline.common.wire.relay.SlaState;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in, the live queue, picks (and races between them) and restarts, over a real relay with a real database. */
class QueueOverRelayTest {
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

    private RunningRelay start(Database database, OrganisationCa ca) throws Exception {
        return RelayServer.start(RelayConfig.builder().bindAddress("127.0.0.1").port(0).dataDir(dir.resolve("relay"))
                .database(database).organisationCa(ca).passwordHashing(FAST).build());
    }

    private static Accounts accounts(Database database) throws Exception {
        Clock clock = Clock.systemUTC();
        return new Accounts(database, new AuditLog(database, clock), clock, FAST, Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
    }

    private static TestClient client(RunningRelay relay) throws Exception {
        return TestClient.connect(group, relay.port(), relay.certificateFingerprint());
    }

    private static TestClient signedIn(RunningRelay relay, String name) throws Exception {
        TestClient technician = client(relay);
        technician.hello(Role.TECHNICIAN);
        technician.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setName(name).setPassword(PASSWORD)).build());
        technician.next(RelayFrame.BodyCase.SIGNED_IN);
        return technician;
    }

    private static QueueStatus submit(TestClient customer, String name, String organisation) throws Exception {
        customer.send(RelayFrame.newBuilder().setQueueSubmit(QueueSubmit.newBuilder().setCustomerName(name)
                .setProblem("printer offline").setContact("+49 30 1234").setOrganisation(organisation)).build());
        return customer.next(QUEUE_STATUS).getQueueStatus();
    }

    @Test
    void signInGetsACertificateThenTheQueueShowsContractAndAPickPairsAndBills() throws Exception {
        OrganisationCa ca = OrganisationCa.create("Lifeline Demo Support");
        try (TestDatabase db = TestDatabases.open(Backend.H2, dir); RunningRelay relay = start(db.database(), ca)) {
            accounts(db.database()).add("cli", "Alice Meyer", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            ContractStore contracts = new ContractStore(db.database());
            contracts.setContract(contracts.organisation("ACME", 0), new Contract.BlockHours(600, 120, 15), 0);

            TestClient customer = client(relay);
            customer.hello(Role.CUSTOMER);
            QueueStatus status = submit(customer, "Carol", "ACME");
            assertEquals(32, status.getRejoinToken().size());

            TestClient technician = client(relay);
            technician.hello(Role.TECHNICIAN);
            technician.send(RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(status.getEntryId())).build());
            assertEquals(ErrorCode.NOT_SIGNED_IN, technician.next(RelayFrame.BodyCase.ERROR).getError().getCode());
            technician.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setName("Alice Meyer")
                    .setPassword("wrong password here")).build());
            assertEquals(SignInFailure.SIGN_IN_BAD_CREDENTIALS,
                    technician.next(RelayFrame.BodyCase.SIGN_IN_FAILED).getSignInFailed().getReason());

            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
            technician.send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setName("Alice Meyer").setPassword(PASSWORD)
                    .setCertificatePublicKey(ByteString.copyFrom(key.generatePublicKey().getEncoded()))).build());
            var signedIn = technician.next(RelayFrame.BodyCase.SIGNED_IN).getSignedIn();
            List<byte[]> chain = new ArrayList<>();
            signedIn.getCertificateChainList().forEach(b -> chain.add(b.toByteArray()));
            TechnicianIdentity identity = TechnicianIdentity.fromKeyAndChain(key.getEncoded(), chain);
            TechnicianVerification verdict = CertificateChainVerifier.verify(identity.certificateChainDer(), ca.root(), Instant.now());
            assertTrue(verdict.verified(), verdict.toString());
            assertEquals("Alice Meyer", verdict.name());

            technician.send(RelayFrame.newBuilder().setQueueSubscribe(QueueSubscribe.getDefaultInstance()).build());
            QueueItem item = technician.next(QUEUE_SNAPSHOT).getQueueSnapshot().getItems(0);
            assertEquals("Carol", item.getCustomerName());
            assertEquals("printer offline", item.getProblem());
            assertEquals("ACME", item.getOrganisation());
            assertEquals("block hours", item.getContract().getKind());
            assertEquals(600, item.getContract().getBlockMinutesRemaining());
            assertEquals(SlaState.SLA_NONE, item.getContract().getSla());
            assertTrue(item.getConnected());
            assertEquals(1, customer.next(QUEUE_STATUS).getQueueStatus().getPosition());

            technician.send(RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(item.getEntryId())).build());
            RelayFrame techPaired = nextSkipping(technician, PAIRED);
            assertTrue(techPaired.getPaired().getViaQueue());
            RelayFrame custPaired = nextSkipping(customer, PAIRED);
            assertTrue(custPaired.getPaired().getViaQueue());
            assertEquals("Carol", custPaired.getPaired().getCustomerName());
            technician.send(TestClient.data(1, "hello"));
            assertEquals("hello", nextSkipping(customer, RelayFrame.BodyCase.DATA).getData().getPayload().toStringUtf8());

            customer.send(RelayFrame.newBuilder().setClose(Close.newBuilder().setReason(CloseReason.ENDED_BY_CUSTOMER)).build());
            nextSkipping(technician, RelayFrame.BodyCase.CLOSE);
            BillingStore billing = new BillingStore(db.database(), contracts);
            List<BillingStore.Entry> entries = awaitEntries(billing, "ACME");
            assertEquals(1, entries.size());
            assertEquals("Alice Meyer", entries.get(0).technician());
            assertEquals(15, entries.get(0).blockMinutesDrawn(), "a short session draws one 15-minute increment");
            customer.close();
            technician.close();
        }
    }

    @Test
    void adminsManageAccountsOverTheRelayOthersMayNot() throws Exception {
        try (TestDatabase db = TestDatabases.open(Backend.H2, dir); RunningRelay relay = start(db.database(), null)) {
            Accounts accounts = accounts(db.database());
            accounts.add("cli", "root", AccountRole.ADMIN, PASSWORD.toCharArray());
            accounts.add("cli", "tech", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            TestClient tech = signedIn(relay, "tech");
            tech.send(RelayFrame.newBuilder().setAccountRequest(AccountRequest.newBuilder().setList(ListAccounts.getDefaultInstance())).build());
            assertEquals(ErrorCode.FORBIDDEN, tech.next(RelayFrame.BodyCase.ERROR).getError().getCode());

            TestClient admin = signedIn(relay, "root");
            admin.send(RelayFrame.newBuilder().setAccountRequest(AccountRequest.newBuilder().setAdd(AddAccount.newBuilder()
                    .setName("Bob Lead").setRole(dev.lifeline.common.wire.relay.AccountRole.ACCOUNT_LEAD)
                    .setPassword("tram-Gusto-57-melon"))).build());
            var reply = admin.next(RelayFrame.BodyCase.ACCOUNT_REPLY).getAccountReply();
            assertTrue(reply.getOk(), reply.getMessage());
            assertEquals(3, reply.getAccountsCount());
            admin.send(RelayFrame.newBuilder().setAccountRequest(AccountRequest.newBuilder().setAdd(AddAccount.newBuilder()
                    .setName("Weak").setRole(dev.lifeline.common.wire.relay.AccountRole.ACCOUNT_TECHNICIAN)
                    .setPassword("password1234"))).build());
            var weak = admin.next(RelayFrame.BodyCase.ACCOUNT_REPLY).getAccountReply();
            assertFalse(weak.getOk());
            assertTrue(weak.getMessage().contains("breaches"), weak.getMessage());
            admin.send(RelayFrame.newBuilder().setAccountRequest(AccountRequest.newBuilder().setDisable("tech")).build());
            assertTrue(admin.next(RelayFrame.BodyCase.ACCOUNT_REPLY).getAccountReply().getAccountsList().stream()
                    .anyMatch(a -> a.getName().equals("tech") && a.getDisabled()));
            tech.close();
            admin.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void manyConcurrentPicksHaveExactlyOneWinner(Backend backend) throws Exception {
        int technicians = 8;
        try (TestDatabase db = TestDatabases.open(backend, dir); RunningRelay relay = start(db.database(), null)) {
            Accounts accounts = accounts(db.database());
            for (int i = 0; i < technicians; i++) {
                accounts.add("cli", "tech" + i, AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            }
            TestClient customer = client(relay);
            customer.hello(Role.CUSTOMER);
            long entry = submit(customer, "Carol", "").getEntryId();
            List<TestClient> clients = new ArrayList<>();
            for (int i = 0; i < technicians; i++) {
                clients.add(signedIn(relay, "tech" + i));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(technicians);
            List<Future<RelayFrame>> results = new ArrayList<>();
            for (TestClient c : clients) {
                results.add(pool.submit(() -> {
                    go.await();
                    c.send(RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(entry)).build());
                    return c.next();
                }));
            }
            go.countDown();
            int winners = 0;
            int taken = 0;
            for (Future<RelayFrame> result : results) {
                RelayFrame frame = result.get(20, TimeUnit.SECONDS);
                if (frame.hasPaired()) {
                    winners++;
                } else if (frame.hasError() && frame.getError().getCode() == ErrorCode.QUEUE_ENTRY_TAKEN) {
                    taken++;
                }
            }
            pool.shutdownNow();
            assertEquals(1, winners);
            assertEquals(technicians - 1, taken);
            assertTrue(nextSkipping(customer, PAIRED).getPaired().getViaQueue());
            clients.forEach(TestClient::close);
            customer.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theQueueSurvivesARelayRestartAndTheCustomerRejoinsInPlace(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            accounts(db.database()).add("cli", "alice", AccountRole.TECHNICIAN, PASSWORD.toCharArray());
            QueueStatus first;
            try (RunningRelay relay = start(db.database(), null)) {
                TestClient customer = client(relay);
                customer.hello(Role.CUSTOMER);
                first = submit(customer, "Carol", "");
            } // relay stops: the customer's connection is cut
            try (RunningRelay restarted = start(db.database(), null)) {
                TestClient technician = signedIn(restarted, "alice");
                technician.send(RelayFrame.newBuilder().setQueueSubscribe(QueueSubscribe.getDefaultInstance()).build());
                QueueItem waiting = technician.next(QUEUE_SNAPSHOT).getQueueSnapshot().getItems(0);
                assertEquals(first.getEntryId(), waiting.getEntryId());
                assertFalse(waiting.getConnected(), "shown, but not pickable until the customer is back");

                TestClient customer = client(restarted);
                customer.hello(Role.CUSTOMER);
                customer.send(RelayFrame.newBuilder().setQueueSubmit(QueueSubmit.newBuilder().setCustomerName("Carol")
                        .setRejoinToken(first.getRejoinToken())).build());
                QueueStatus again = customer.next(QUEUE_STATUS).getQueueStatus();
                assertEquals(first.getEntryId(), again.getEntryId());
                assertEquals(first.getSubmittedAtMs(), again.getSubmittedAtMs(), "keeps its place and waiting time");
                QueueItem back = nextSkipping(technician, QUEUE_SNAPSHOT).getQueueSnapshot().getItems(0);
                assertTrue(back.getConnected());
                technician.send(RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(back.getEntryId())).build());
                assertTrue(nextSkipping(technician, PAIRED).getPaired().getViaQueue());
                technician.close();
                customer.close();
            }
        }
    }

    /** Queue pushes may come in between; returns the first frame of the wanted kind. */
    static RelayFrame nextSkipping(TestClient client, RelayFrame.BodyCase wanted) throws Exception {
        for (int i = 0; i < 20; i++) {
            RelayFrame frame = client.next();
            if (frame.getBodyCase() == wanted) {
                return frame;
            }
            if (frame.getBodyCase() != QUEUE_SNAPSHOT && frame.getBodyCase() != QUEUE_STATUS) {
                throw new AssertionError("expected " + wanted + ", got " + frame);
            }
        }
        throw new AssertionError("no " + wanted);
    }

    private static List<BillingStore.Entry> awaitEntries(BillingStore billing, String organisation) throws Exception {
        YearMonth month = YearMonth.now(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 100; i++) {
            List<BillingStore.Entry> entries = billing.entries(organisation, month);
            if (!entries.isEmpty()) {
                return entries;
            }
            Thread.sleep(50);
        }
        return List.of();
    }
}
