package dev.lifeline.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.headless.HeadlessRun;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.relay.server.RelayConfig;
import dev.lifeline.relay.server.RelayServer;
import dev.lifeline.relay.server.RunningRelay;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole session path for real: a relay on loopback with TLS, and the two headless apps as a
 * script would use them.
 */
class SessionOverRelayTest {
    @TempDir
    Path dir;

    private RunningRelay relay;
    private final List<byte[]> forwarded = Collections.synchronizedList(new ArrayList<>());
    private OrganisationCa acme;
    private TechnicianIdentity alice;
    private RelayClient client;
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    @BeforeEach
    void startRelay() throws Exception {
        relay = RelayServer.start(RelayConfig.builder()
                .dataDir(dir.resolve("relay"))
                .bindAddress("127.0.0.1")
                .port(0)
                .forwardedFrameListener((sessionId, from, seq, payload) -> forwarded.add(payload))
                .build());
        acme = OrganisationCa.create("ACME Support");
        alice = acme.issueTechnician("Alice Meyer", Duration.ofDays(30));
        client = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeLast) {
            c.close();
        }
        client.close();
        relay.close();
    }

    private OrganisationRoot acmeRoot() {
        return acme.root();
    }

    private static SessionCode codeOf(HeadlessRun customer) {
        return SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length()));
    }

    @Test
    void networkThreadsComeWhenPreparedNotWhenTheClientIsMade() throws Exception {
        // Issue 8: Get Help makes its relay client before its first frame, and Netty only after it.
        java.util.Set<Thread> before = networkThreads();
        RelayClient lazy = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), relay.certificateFingerprint()));
        closeLast.add(lazy);
        CustomerSessions sessions = lazy.customerSessions(acmeRoot());
        Thread.sleep(200);
        assertTrue(before.containsAll(networkThreads()), "no network thread yet");
        sessions.prepare();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (before.containsAll(networkThreads()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(before.containsAll(networkThreads()), "prepare made the network thread");
        HeadlessRun customer = HeadlessRun.customer(sessions, "Dana Customer");
        closeLast.add(0, customer);
        assertEquals(SessionCode.SECRET_DIGITS, codeOf(customer).secret().length(), "the prepared client gets a code");
    }

    private static java.util.Set<Thread> networkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lifeline-net-") && t.isAlive())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void customerAndTechnicianChatBothWaysAndTheRelaySeesOnlyCiphertext() throws Exception {
        HeadlessRun customer = HeadlessRun.customer(client.customerSessions(acmeRoot()), "Dana Customer");
        HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), codeOf(customer));
        technician.type("typed before the handshake finished");

        assertEquals("verified: Alice Meyer (ACME Support)", customer.awaitPrefix("verified: "));
        customer.awaitPrefix("chat: typed before the handshake finished");
        assertEquals("verified: Dana Customer (customer)", technician.awaitPrefix("verified: "));

        customer.type("My printer says PC LOAD LETTER zebra-4711");
        technician.awaitPrefix("chat: My printer says PC LOAD LETTER zebra-4711");
        technician.type("Let us look at the tray, giraffe-0815");
        customer.awaitPrefix("chat: Let us look at the tray, giraffe-0815");
        technician.type("/end");

        assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
        assertEquals(0, customer.awaitExit(), () -> "customer: " + customer.lines());
        assertEquals("ended: ended-by-peer", customer.awaitPrefix("ended: "));

        byte[] everything = concat(forwarded);
        assertTrue(everything.length > 0, "the relay forwarded the session's frames");
        for (String secret : List.of("PC LOAD LETTER", "zebra-4711", "giraffe-0815", "Let us look", "typed before")) {
            assertFalse(contains(everything, secret.getBytes(StandardCharsets.UTF_8)),
                    "the relay saw plaintext: " + secret);
        }
    }

    @Test
    void threeWrongCodesBurnTheCodeAndTheNewCodeWorks() throws Exception {
        HeadlessRun customer = HeadlessRun.customer(client.customerSessions(acmeRoot()), "");
        SessionCode code = codeOf(customer);
        String wrongSecret = code.secret().equals("000000") ? "000001" : "000000";
        SessionCode wrong = new SessionCode(code.nameplate(), wrongSecret);

        for (int attempt = 1; attempt <= 3; attempt++) {
            HeadlessRun guesser = HeadlessRun.technician(client.technicianSessions(alice), wrong);
            assertEquals(2, guesser.awaitExit(), () -> "a wrong code ends the attempt with exit 2: " + guesser.lines());
            assertEquals("ended: wrong-code: the code is not right", guesser.awaitPrefix("ended: "));
            if (attempt < 3) {
                int left = 3 - attempt;
                customer.await(l -> l.equals("wrong-code: " + left + " attempts left"), Duration.ofSeconds(10));
            }
        }
        customer.awaitPrefix("code-burned: 3");
        List<String> codes = customer.awaitLines("code: ", 2);
        SessionCode fresh = SessionCode.parse(codes.get(1).substring("code: ".length()));
        assertNotEquals(code, fresh, "a burned code is replaced by a new one");

        HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), fresh);
        assertEquals("verified: Alice Meyer (ACME Support)", customer.awaitPrefix("verified: "));
        technician.type("/end");
        assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
        assertEquals(0, customer.awaitExit(), () -> "customer: " + customer.lines());
    }

    @Test
    void cutConnectionResumesWithoutLosingOrRepeatingALine() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(relay.port());
             RelayClient viaProxy = new RelayClient(new RelayEndpoint("127.0.0.1", proxy.port(), relay.certificateFingerprint()))) {
            HeadlessRun customer = HeadlessRun.customer(viaProxy.customerSessions(acmeRoot()), "Dana");
            HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), codeOf(customer));
            customer.awaitPrefix("verified: ");
            technician.awaitPrefix("verified: ");

            for (int i = 1; i <= 5; i++) {
                technician.type("before " + i);
                customer.type("reply " + i);
            }
            customer.awaitPrefix("chat: before 5");
            technician.awaitPrefix("chat: reply 5");

            proxy.cutAll();
            // Both keep typing while the customer's connection is down.
            for (int i = 1; i <= 5; i++) {
                technician.type("during " + i);
                customer.type("offline " + i);
            }
            customer.awaitPrefix("link: reconnecting");
            customer.await(l -> l.equals("link: connected"), Duration.ofSeconds(20));
            for (int i = 1; i <= 5; i++) {
                technician.type("after " + i);
            }
            customer.awaitPrefix("chat: after 5");
            technician.awaitPrefix("chat: offline 5");
            technician.type("/end");
            assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
            assertEquals(0, customer.awaitExit(), () -> "customer: " + customer.lines());

            List<String> expectedAtCustomer = new ArrayList<>();
            IntStream.rangeClosed(1, 5).forEach(i -> expectedAtCustomer.add("chat: before " + i));
            IntStream.rangeClosed(1, 5).forEach(i -> expectedAtCustomer.add("chat: during " + i));
            IntStream.rangeClosed(1, 5).forEach(i -> expectedAtCustomer.add("chat: after " + i));
            assertEquals(expectedAtCustomer, customer.linesStartingWith("chat: "), "every line once, in order");

            List<String> expectedAtTechnician = new ArrayList<>();
            IntStream.rangeClosed(1, 5).forEach(i -> expectedAtTechnician.add("chat: reply " + i));
            IntStream.rangeClosed(1, 5).forEach(i -> expectedAtTechnician.add("chat: offline " + i));
            assertEquals(expectedAtTechnician, technician.linesStartingWith("chat: "), "every line once, in order");
            assertTrue(proxy.connectionsCut() >= 1);
        }
    }

    @Test
    void waitingCustomerWhoseConnectionDropsGetsANewCodeThatWorks() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(relay.port());
             RelayClient viaProxy = new RelayClient(new RelayEndpoint("127.0.0.1", proxy.port(), relay.certificateFingerprint()))) {
            HeadlessRun customer = HeadlessRun.customer(viaProxy.customerSessions(acmeRoot()), "Dana");
            codeOf(customer);
            proxy.cutAll();
            customer.awaitPrefix("link: reconnecting");
            List<String> codes = customer.awaitLines("code: ", 2);
            customer.awaitPrefix("link: connected");
            // The relay forgot the old nameplate with the connection; this code is the live one.
            SessionCode second = SessionCode.parse(codes.get(1).substring("code: ".length()));

            HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(alice), second);
            assertEquals("verified: Alice Meyer (ACME Support)", customer.awaitPrefix("verified: "));
            technician.type("/end");
            assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
            assertEquals(0, customer.awaitExit(), () -> "customer: " + customer.lines());
        }
    }

    @Test
    void technicianOfAnotherOrganisationIsShownUnverified() throws Exception {
        TechnicianIdentity mallory = OrganisationCa.create("Not ACME").issueTechnician("Mallory", Duration.ofDays(1));
        HeadlessRun customer = HeadlessRun.customer(client.customerSessions(acmeRoot()), "");
        HeadlessRun technician = HeadlessRun.technician(client.technicianSessions(mallory), codeOf(customer));
        String verdict = customer.awaitPrefix("unverified: ");
        assertTrue(verdict.startsWith("unverified: Mallory (Not ACME)"), verdict);
        technician.type("/end");
        assertEquals(0, technician.awaitExit(), () -> "technician: " + technician.lines());
    }

    @Test
    void relayWithAnotherCertificateIsRefused() throws Exception {
        String wrongFingerprint = "00".repeat(32);
        try (RelayClient impostor = new RelayClient(new RelayEndpoint("127.0.0.1", relay.port(), wrongFingerprint))) {
            HeadlessRun customer = HeadlessRun.customer(impostor.customerSessions(acmeRoot()), "");
            assertEquals(3, customer.awaitExit());
            String ended = customer.awaitPrefix("ended: ");
            assertTrue(ended.contains("certificate"), ended);
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        synchronized (parts) {
            parts.forEach(all::writeBytes);
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
