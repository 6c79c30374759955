package dev.lifeline.client.session;

import static dev.lifeline.client.testing.RandomFiles.randomFile;
import static dev.lifeline.client.session.ScreenProbe.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.session.PairedOverRelay.Pair;
import dev.lifeline.common.consent.Capability;
import dev.lifeline.common.pairing.SessionCode;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.transfer.TransferError;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files both ways through a real relay on loopback with TLS: 50 MB each way with the customer's
 * connection cut in the middle, ending in byte-identical files and nothing else in the folders; a
 * transfer cut off for good resumes in a new session from what the receiver holds.
 */
class FileTransferOverRelayTest {
    static final int BIG = 50 * 1024 * 1024;

    @TempDir
    Path dir;

    @RegisterExtension
    final PairedOverRelay paired = new PairedOverRelay(relay -> relay.resumeGrace(Duration.ofSeconds(3)));

    static final SystemClipboard NO_CLIPBOARD = new SystemClipboard() {
        @Override
        public CompletableFuture<Optional<String>> readText() {
            return CompletableFuture.failedFuture(new IllegalStateException("no clipboard in this test"));
        }

        @Override
        public CompletableFuture<Void> writeText(String text) {
            return CompletableFuture.failedFuture(new IllegalStateException("no clipboard in this test"));
        }
    };

    private Pair<TransferProbe> connect(RelayClient customerClient, Path customerDownloads, Path technicianDownloads) throws Exception {
        Pair<TransferProbe> p = paired.pair(customerClient.customerSessions(null, ScreenSources.robot(),
                dev.lifeline.client.control.ControlDevices.robot(), NO_CLIPBOARD), new TransferProbe(), new TransferProbe());
        // Offers come only after the grant, so accepting them is set up once paired.
        p.customerProbe().onOffer = TransferProbe.acceptInto(customerDownloads, p.customer());
        p.technicianProbe().onOffer = TransferProbe.acceptInto(technicianDownloads, p.technician());
        return p;
    }

    private static void grantFiles(Pair<TransferProbe> p) {
        p.technician().requestCapabilities(Set.of(Capability.TRANSFER_FILES), "to send you the driver");
        awaitTrue(() -> p.customerProbe().prompts.size() == 1, "the customer is asked");
        p.customer().grant(Capability.TRANSFER_FILES);
        awaitTrue(() -> p.technicianProbe().lastConsent().isGranted(Capability.TRANSFER_FILES), "the Console sees the grant");
    }

    static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fiftyMegabytesEachWayWithAConnectionDropArriveIdenticalAndLeaveNothingElse() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        Path toCustomer = randomFile(dir.resolve("technician-files/driver-setup.bin"), BIG, 1);
        Path toTechnician = randomFile(dir.resolve("customer-files/crash-dump.bin"), BIG + 12345, 2);
        try (CuttableProxy proxy = new CuttableProxy(paired.relay().port());
             RelayClient viaProxy = new RelayClient(paired.endpoint(proxy.port()))) {
            Pair<TransferProbe> p = connect(viaProxy, customerDownloads, technicianDownloads);
            grantFiles(p);
            long started = System.nanoTime();
            p.technician().offerFile(toCustomer);
            p.customer().offerFile(toTechnician);

            p.customerProbe().awaitBytes(Direction.INCOMING, "driver-setup.bin", BIG / 4);
            p.technicianProbe().awaitBytes(Direction.INCOMING, "crash-dump.bin", BIG / 4);
            proxy.cutAll();
            p.customerProbe().trace.add(System.nanoTime() / 1_000_000 + " CUT");
            awaitTrue(() -> p.customerProbe().links.contains(LinkState.RECONNECTING), "the customer notices the drop");

            TransferStatus atCustomer = p.customerProbe().awaitFinished(Direction.INCOMING, "driver-setup.bin");
            TransferStatus atTechnician = p.technicianProbe().awaitFinished(Direction.INCOMING, "crash-dump.bin");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(TransferState.COMPLETED, atCustomer.state(), () -> atCustomer.toString());
            assertEquals(TransferState.COMPLETED, atTechnician.state(), () -> atTechnician.toString());
            assertTrue(p.customerProbe().links.contains(LinkState.CONNECTED) || proxy.connectionsCut() == 1);
            assertEquals(1, proxy.connectionsCut());

            assertEquals(-1, Files.mismatch(toCustomer, customerDownloads.resolve("driver-setup.bin")), "byte-identical");
            assertEquals(-1, Files.mismatch(toTechnician, technicianDownloads.resolve("crash-dump.bin")), "byte-identical");
            assertEquals(List.of("driver-setup.bin"), namesIn(customerDownloads), "no partial or temporary file left");
            assertEquals(List.of("crash-dump.bin"), namesIn(technicianDownloads), "no partial or temporary file left");

            awaitTrue(() -> p.technicianProbe().named(Direction.OUTGOING, "driver-setup.bin").state() == TransferState.COMPLETED,
                    "the sender learns it arrived");
            awaitTrue(() -> p.customerProbe().named(Direction.OUTGOING, "crash-dump.bin").state() == TransferState.COMPLETED,
                    "the sender learns it arrived");
            assertTrue(p.customerProbe().statuses.stream().anyMatch(s -> s.direction() == Direction.INCOMING
                    && s.state() == TransferState.RUNNING && s.bytesDone() > 0 && s.bytesDone() < BIG), "progress was reported");
            assertTrue(p.customer().unackedBytes() < 8L << 20, "the window kept the resend buffer small");
            for (SessionHandle side : List.of(p.customer(), p.technician())) {
                List<TimelineEntry.Kind> kinds = ((TransferHandle) side).timeline().entries().stream()
                        .map(TimelineEntry::kind).toList();
                assertEquals(2, kinds.stream().filter(k -> k == TimelineEntry.Kind.FILE_COMPLETED).count(), kinds::toString);
                assertTrue(kinds.contains(TimelineEntry.Kind.CONSENT_GRANTED), kinds::toString);
            }
            if (Boolean.getBoolean("transfer.trace") || millis > 20_000) {
                p.customerProbe().trace.forEach(line -> System.out.println("customer " + line));
                p.technicianProbe().trace.forEach(line -> System.out.println("technician " + line));
            }
            System.out.printf("transfer-bench: 2 x %d MB through the relay with one drop in %d ms%n", BIG >> 20, millis);
        }
    }

    @Test
    void aTransferCutOffForGoodResumesInANewSessionFromWhatTheReceiverHolds() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        int size = 12 * 1024 * 1024;
        Path file = randomFile(dir.resolve("technician-files/backup.tar"), size, 3);
        long held;
        try (CuttableProxy proxy = new CuttableProxy(paired.relay().port());
             RelayClient viaProxy = new RelayClient(paired.endpoint(proxy.port()))) {
            Pair<TransferProbe> first = connect(viaProxy, customerDownloads, technicianDownloads);
            grantFiles(first);
            first.technician().offerFile(file);
            first.customerProbe().awaitBytes(Direction.INCOMING, "backup.tar", size / 3);
            proxy.close(); // gone for good: no reconnect gets through, the relay's grace runs out
            TransferStatus cut = first.customerProbe().awaitFinished(Direction.INCOMING, "backup.tar");
            assertEquals(TransferError.SESSION_ENDED, cut.error());
            awaitTrue(() -> first.customerProbe().ended.isDone(), "the session ends");
            held = cut.bytesDone();
            assertTrue(held > 0 && held < size, "part of it arrived: " + held);
            List<String> left = namesIn(customerDownloads);
            assertEquals(1, left.size(), left::toString);
            assertTrue(left.get(0).startsWith(".lifeline-") && left.get(0).endsWith(".part"),
                    "only the hidden partial file, never the final name: " + left);
            TransferStatus senderSide = first.technicianProbe().awaitFinished(Direction.OUTGOING, "backup.tar");
            assertTrue(senderSide.error().retryable(), senderSide::toString);
        }

        Pair<TransferProbe> second = connect(paired.client(), customerDownloads, technicianDownloads);
        grantFiles(second);
        second.technician().offerFile(file); // what Retry does in a new session
        TransferStatus done = second.customerProbe().awaitFinished(Direction.INCOMING, "backup.tar");
        assertEquals(TransferState.COMPLETED, done.state(), done::toString);
        assertEquals(-1, Files.mismatch(file, customerDownloads.resolve("backup.tar")));
        assertEquals(List.of("backup.tar"), namesIn(customerDownloads));
        TimelineEntry accepted = second.customer().timeline().entries(TimelineEntry.Kind.FILE_ACCEPTED).get(0);
        assertTrue(accepted.detail().startsWith("resumed at "), accepted::toString);
        long resumedAt = Long.parseLong(accepted.detail().substring("resumed at ".length()));
        assertTrue(resumedAt > 0 && resumedAt <= held, "resumed from the last whole chunk held: " + resumedAt + " of " + held);
        assertNotNull(second.technicianProbe().named(Direction.OUTGOING, "backup.tar"));
    }

    @Test
    void anExplicitRetryInTheSameSessionStartsTheFileAgainAndCompletes() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        Path file = randomFile(dir.resolve("technician-files/tool.zip"), 3 * 1024 * 1024 + 7, 4);
        Pair<TransferProbe> p = connect(paired.client(), customerDownloads, technicianDownloads);
        // Not granted yet: the Console's offer fails at once, nothing reaches the customer.
        p.technician().offerFile(file);
        TransferStatus refused = p.technicianProbe().awaitFinished(Direction.OUTGOING, "tool.zip");
        assertEquals(TransferError.NOT_GRANTED, refused.error());
        assertTrue(p.customerProbe().offers.isEmpty());

        grantFiles(p);
        p.technician().retryTransfer(refused.id());
        awaitTrue(() -> p.customerProbe().named(Direction.INCOMING, "tool.zip") != null
                && p.customerProbe().named(Direction.INCOMING, "tool.zip").state() == TransferState.COMPLETED, "the retry arrives");
        assertEquals(-1, Files.mismatch(file, customerDownloads.resolve("tool.zip")));
    }

    @Test
    void aRevokedGrantStopsARunningTransferOnBothSidesAndDeletesThePartialFile() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        Path file = randomFile(dir.resolve("technician-files/big.iso"), 40L * 1024 * 1024, 5);
        Pair<TransferProbe> p = connect(paired.client(), customerDownloads, technicianDownloads);
        grantFiles(p);
        p.technician().offerFile(file);
        p.customerProbe().awaitBytes(Direction.INCOMING, "big.iso", 1);
        p.customer().revoke(Capability.TRANSFER_FILES);
        TransferStatus atCustomer = p.customerProbe().awaitFinished(Direction.INCOMING, "big.iso");
        assertEquals(TransferError.NOT_GRANTED, atCustomer.error());
        TransferStatus atTechnician = p.technicianProbe().awaitFinished(Direction.OUTGOING, "big.iso");
        assertEquals(TransferError.NOT_GRANTED, atTechnician.error());
        awaitTrue(() -> {
            try {
                return namesIn(customerDownloads).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "the partial file is deleted");
    }

    @Test
    void cancelOnEitherSideStopsBothAndLeavesNothing() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        Path big = randomFile(dir.resolve("technician-files/big.iso"), 40L * 1024 * 1024, 6);
        Path other = randomFile(dir.resolve("customer-files/photos.zip"), 40L * 1024 * 1024, 7);
        Pair<TransferProbe> p = connect(paired.client(), customerDownloads, technicianDownloads);
        grantFiles(p);
        p.technician().offerFile(big);
        p.customerProbe().awaitBytes(Direction.INCOMING, "big.iso", 1);
        TransferStatus incoming = p.customerProbe().named(Direction.INCOMING, "big.iso");
        p.customer().cancelTransfer(incoming.id(), Direction.INCOMING); // the receiver cancels
        assertEquals(TransferState.CANCELLED, p.technicianProbe().awaitFinished(Direction.OUTGOING, "big.iso").state());

        p.customer().offerFile(other);
        p.technicianProbe().awaitBytes(Direction.INCOMING, "photos.zip", 1);
        TransferStatus outgoing = p.customerProbe().named(Direction.OUTGOING, "photos.zip");
        p.customer().cancelTransfer(outgoing.id(), Direction.OUTGOING); // the sender cancels
        assertEquals(TransferState.CANCELLED, p.technicianProbe().awaitFinished(Direction.INCOMING, "photos.zip").state());
        awaitTrue(() -> {
            try {
                return namesIn(customerDownloads).isEmpty() && namesIn(technicianDownloads).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "no partial files on either side");
    }

    @Test
    void headlessScriptsSendAFileEachWayAndAskForTheClipboard() throws Exception {
        Path customerDownloads = Files.createDirectories(dir.resolve("customer-downloads"));
        Path technicianDownloads = Files.createDirectories(dir.resolve("technician-downloads"));
        Path file = randomFile(dir.resolve("technician-files/fix.ps1"), 700_000, 8);
        dev.lifeline.client.headless.HeadlessRun customer = dev.lifeline.client.headless.HeadlessRun.customer(
                paired.client().customerSessions(null), "Dana",
                s -> s.allowFiles(true).allowClipboard(true).downloadDir(customerDownloads));
        SessionCode code = SessionCode.parse(customer.awaitPrefix("code: ").substring("code: ".length()));
        dev.lifeline.client.headless.HeadlessRun technician = dev.lifeline.client.headless.HeadlessRun.technician(
                paired.client().technicianSessions(paired.technician()), code,
                s -> s.sendFiles(List.of(file)).downloadDir(technicianDownloads).getClipboard(true));
        customer.awaitPrefix("consent: transfer_files asked: granted");
        customer.awaitPrefix("consent: clipboard asked: granted");
        String done = customer.await(l -> l.startsWith("transfer: 1 in completed"), Duration.ofSeconds(30));
        assertEquals("transfer: 1 in completed fix.ps1 700000/700000 saved-as=fix.ps1", done);
        technician.await(l -> l.startsWith("transfer: 1 out completed fix.ps1"), Duration.ofSeconds(30));
        assertEquals(-1, Files.mismatch(file, customerDownloads.resolve("fix.ps1")));
        // These unit tests run with java.awt.headless: the customer's app says it has no clipboard.
        assertEquals("clipboard: unavailable 0 bytes", technician.awaitPrefix("clipboard: "));
        technician.type("/end");
        assertEquals(0, technician.awaitExit());
        assertEquals(0, customer.awaitExit());
    }
}
