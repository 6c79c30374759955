package dev.lifeline.client.transfer;

import static dev.lifeline.client.testing.RandomFiles.randomFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.transfer.Checksums;
import dev.lifeline.common.transfer.TransferError;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import dev.lifeline.common.wire.e2e.FileChunk;
import dev.lifeline.common.wire.e2e.FileOffer;
import dev.lifeline.common.wire.e2e.FileTransfer;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@link FileTransfers} wired to each other without a network, with real files: what lands in
 * the folder, what never does (symlink tricks, hostile names, forged steps), and how fast the
 * protocol itself is.
 */
class FileTransfersTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService senderLoop = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService receiverLoop = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean allowed = new AtomicBoolean(true);

    /** One end: its transfers, what it was told, and a switch to drop what it sends. */
    final class End implements FileTransfers.Events {
        final ScheduledExecutorService loop;
        final SessionTimeline timeline = new SessionTimeline(Clock.systemUTC());
        final Map<String, TransferStatus> latest = new ConcurrentHashMap<>();
        final List<FileOffered> offers = new CopyOnWriteArrayList<>();
        final List<SessionMessage> sent = new CopyOnWriteArrayList<>();
        FileTransfers transfers;
        End peer;
        Path acceptInto;

        End(ScheduledExecutorService loop, TimelineEntry.Actor actor, BooleanSupplier allowed) {
            this.loop = loop;
            this.transfers = new FileTransfers(loop, allowed, this, timeline, actor);
        }

        @Override
        public void send(SessionMessage message) {
            sent.add(message);
            if (peer != null) {
                peer.loop.execute(() -> peer.transfers.onMessage(message));
            }
        }

        @Override
        public void offered(FileOffered offer) {
            offers.add(offer);
            if (acceptInto != null) {
                transfers.accept(offer.id(), acceptInto);
            }
        }

        @Override
        public void status(TransferStatus status) {
            latest.put(status.direction() + ":" + status.id(), status);
        }

        void run(Runnable r) {
            loop.execute(r);
        }

        TransferStatus awaitFinished(Direction direction, long id) {
            await(() -> latest.containsKey(direction + ":" + id) && latest.get(direction + ":" + id).state().finished(),
                    direction + " " + id + ": " + latest);
            return latest.get(direction + ":" + id);
        }
    }

    private End sender;
    private End receiver;

    private void pair() {
        sender = new End(senderLoop, TimelineEntry.Actor.TECHNICIAN, allowed::get);
        receiver = new End(receiverLoop, TimelineEntry.Actor.CUSTOMER, allowed::get);
        sender.peer = receiver;
        receiver.peer = sender;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (sender != null) {
            sender.run(() -> sender.transfers.close(false));
            receiver.run(() -> receiver.transfers.close(false));
        }
        senderLoop.shutdown();
        receiverLoop.shutdown();
        senderLoop.awaitTermination(5, TimeUnit.SECONDS);
        receiverLoop.awaitTermination(5, TimeUnit.SECONDS);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 30 s for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private void offer(End from, Path file) {
        from.run(() -> from.transfers.offer(file));
    }

    @Test
    void aFileArrivesWholeUnderItsNameAndBothTimelinesSaySo() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        receiver.acceptInto = downloads;
        Path file = randomFile(dir.resolve("out/report.pdf"), 20L * 1024 * 1024 + 17, 1);
        long started = System.nanoTime();
        offer(sender, file);
        TransferStatus done = receiver.awaitFinished(Direction.INCOMING, 1);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(TransferState.COMPLETED, done.state(), done::toString);
        assertEquals(-1, Files.mismatch(file, downloads.resolve("report.pdf")));
        assertEquals(List.of("report.pdf"), namesIn(downloads));
        assertEquals(TransferState.COMPLETED, sender.awaitFinished(Direction.OUTGOING, 1).state());
        assertEquals(List.of(TimelineEntry.Kind.FILE_OFFERED, TimelineEntry.Kind.FILE_ACCEPTED, TimelineEntry.Kind.FILE_COMPLETED),
                receiver.timeline.entries().stream().map(TimelineEntry::kind).toList());
        assertEquals(List.of(TimelineEntry.Kind.FILE_OFFERED, TimelineEntry.Kind.FILE_COMPLETED),
                sender.timeline.entries().stream().map(TimelineEntry::kind).toList());
        System.out.printf("transfer-local: 20 MB in %d ms without a network%n", millis);
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Files.writeString(downloads.resolve("notes.txt"), "mine");
        receiver.acceptInto = downloads;
        offer(sender, randomFile(dir.resolve("out/notes.txt"), 1000, 2));
        TransferStatus done = receiver.awaitFinished(Direction.INCOMING, 1);
        assertEquals("notes (1).txt", done.savedAs());
        assertEquals("mine", Files.readString(downloads.resolve("notes.txt")));
        assertEquals(List.of("notes (1).txt", "notes.txt"), namesIn(downloads));
    }

    @Test
    void aSymlinkUnderTheFinalNameIsNotFollowed() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Path outside = Files.writeString(dir.resolve("outside-secret.txt"), "do not touch");
        Files.createSymbolicLink(downloads.resolve("config.txt"), outside);
        Files.createSymbolicLink(downloads.resolve("dangling.txt"), dir.resolve("does-not-exist"));
        receiver.acceptInto = downloads;
        offer(sender, randomFile(dir.resolve("out/config.txt"), 5000, 3));
        offer(sender, randomFile(dir.resolve("out/dangling.txt"), 5000, 4));
        assertEquals("config (1).txt", receiver.awaitFinished(Direction.INCOMING, 1).savedAs());
        assertEquals("dangling (1).txt", receiver.awaitFinished(Direction.INCOMING, 2).savedAs());
        assertEquals("do not touch", Files.readString(outside));
        assertFalse(Files.exists(dir.resolve("does-not-exist")), "a dangling link is not written through");
        assertTrue(Files.isSymbolicLink(downloads.resolve("config.txt")));
    }

    @Test
    void aSymlinkWhereTheTemporaryFileGoesIsNotWrittenThrough() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Path file = randomFile(dir.resolve("out/setup.exe"), 300_000, 5);
        byte[] sha = Checksums.sha256().digest(Files.readAllBytes(file));
        Path outside = Files.writeString(dir.resolve("victim.txt"), "do not touch");
        String temp = PartFile.PREFIX + java.util.HexFormat.of().formatHex(sha, 0, 8) + "-" + Files.size(file) + PartFile.SUFFIX;
        Files.createSymbolicLink(downloads.resolve(temp), outside);
        receiver.acceptInto = downloads;
        offer(sender, file);
        TransferStatus done = receiver.awaitFinished(Direction.INCOMING, 1);
        assertEquals(TransferState.FAILED, done.state());
        assertEquals(TransferError.IO_ERROR, done.error());
        assertEquals("do not touch", Files.readString(outside));
        assertEquals(TransferError.IO_ERROR, sender.awaitFinished(Direction.OUTGOING, 1).error(), "the sender is told");
    }

    /** A hostile peer: offers straight onto the wire, bypassing our own sender's checks. */
    private void forge(FileTransfer message) {
        receiver.run(() -> receiver.transfers.onMessage(SessionMessage.newBuilder().setFileTransfer(message).build()));
    }

    private static FileTransfer offerNamed(long id, String name) {
        return FileTransfer.newBuilder().setTransferId(id).setOffer(FileOffer.newBuilder().setName(name).setSize(3)
                .setChunkSize(64 * 1024).setSha256(ByteString.copyFrom(Checksums.sha256().digest(new byte[] {1, 2, 3})))).build();
    }

    @Test
    void hostileNamesAreRefusedBeforeAnyoneIsAskedAndNothingIsWritten() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("inbox/downloads"));
        receiver.acceptInto = downloads;
        String[] names = {"../escape.txt", "../../etc/passwd", "/etc/passwd", "C:\\Windows\\evil.dll", "C:evil.exe",
                "a\0b.txt", "CON", "nul.txt", "x".repeat(300), "..", "sub/dir.txt", "evil.exe.", "invoice\u202Efdp.exe"};
        for (int i = 0; i < names.length; i++) {
            forge(offerNamed(100 + i, names[i]));
        }
        await(() -> sender.sent.isEmpty() && receiver.sent.size() == names.length, "a refusal for each");
        for (SessionMessage refusal : receiver.sent) {
            assertEquals(dev.lifeline.common.wire.e2e.TransferErrorCode.BAD_NAME, refusal.getFileTransfer().getResult().getError());
        }
        assertTrue(receiver.offers.isEmpty(), "nobody was asked");
        assertEquals(List.of(), namesIn(downloads));
        assertEquals(List.of("downloads"), namesIn(dir.resolve("inbox")));
        assertFalse(Files.exists(dir.resolve("escape.txt")));
    }

    @Test
    void forgedStepsForUnknownOrUnacceptedTransfersWriteNothing() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        forge(FileTransfer.newBuilder().setTransferId(9).setChunk(FileChunk.newBuilder().setOffset(0)
                .setData(ByteString.copyFromUtf8("MZ")).build()).build());
        forge(offerNamed(10, "payload.exe"));
        await(() -> receiver.offers.size() == 1, "the offer is shown");
        // Chunks before the person accepted: a protocol error, the transfer fails, nothing is written.
        byte[] data = {1, 2, 3};
        forge(FileTransfer.newBuilder().setTransferId(10).setChunk(FileChunk.newBuilder().setOffset(0)
                .setData(ByteString.copyFrom(data)).setCrc32C(Checksums.crc32c(data))).build());
        TransferStatus status = receiver.awaitFinished(Direction.INCOMING, 10);
        assertEquals(TransferError.PROTOCOL, status.error());
        receiver.run(() -> receiver.transfers.accept(10, downloads));
        Thread.sleep(100);
        assertEquals(List.of(), namesIn(downloads), "a failed transfer cannot be accepted any more");
    }

    @Test
    void withoutTheGrantNothingStartsEitherWay() throws Exception {
        pair();
        allowed.set(false);
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        receiver.acceptInto = downloads;
        offer(sender, randomFile(dir.resolve("out/a.bin"), 1000, 6));
        assertEquals(TransferError.NOT_GRANTED, sender.awaitFinished(Direction.OUTGOING, 1).error());
        forge(offerNamed(50, "b.bin"));
        await(() -> receiver.sent.size() == 1, "refused");
        assertEquals(dev.lifeline.common.wire.e2e.TransferErrorCode.NOT_GRANTED,
                receiver.sent.get(0).getFileTransfer().getResult().getError());
        assertTrue(receiver.offers.isEmpty());
        assertEquals(List.of(), namesIn(downloads));
    }

    @Test
    void aCorruptedChunkOnTheWayIsSentAgainAndTheFileStillArrivesWhole() throws Exception {
        pair();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        receiver.acceptInto = downloads;
        Path file = randomFile(dir.resolve("out/disk.img"), 3L * 1024 * 1024, 7);
        AtomicBoolean corrupted = new AtomicBoolean();
        End honest = sender;
        sender.peer = null;
        // A wire that flips one bit in the third chunk, once.
        senderLoop.execute(() -> honest.transfers = new FileTransfers(senderLoop, allowed::get, new FileTransfers.Events() {
            @Override
            public void send(SessionMessage message) {
                SessionMessage out = message;
                if (message.getFileTransfer().hasChunk() && message.getFileTransfer().getChunk().getOffset() == 2L * 256 * 1024
                        && corrupted.compareAndSet(false, true)) {
                    byte[] b = message.getFileTransfer().getChunk().getData().toByteArray();
                    b[100] ^= 0x10;
                    out = message.toBuilder().setFileTransfer(message.getFileTransfer().toBuilder()
                            .setChunk(message.getFileTransfer().getChunk().toBuilder().setData(ByteString.copyFrom(b)))).build();
                }
                SessionMessage deliver = out;
                receiverLoop.execute(() -> receiver.transfers.onMessage(deliver));
            }

            @Override
            public void offered(FileOffered offer) {
            }

            @Override
            public void status(TransferStatus status) {
                honest.status(status);
            }
        }, honest.timeline, TimelineEntry.Actor.TECHNICIAN));
        senderLoop.submit(() -> { }).get();
        offer(sender, file);
        TransferStatus done = receiver.awaitFinished(Direction.INCOMING, 1);
        assertEquals(TransferState.COMPLETED, done.state(), done::toString);
        assertTrue(corrupted.get());
        assertTrue(receiver.sent.stream().anyMatch(m -> m.getFileTransfer().hasResend()), "a resend was asked");
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("disk.img")));
    }

    @Test
    void tooManyAtOnceAreRefused() throws Exception {
        pair();
        Predicate<SessionMessage> refusal = m -> m.getFileTransfer().hasResult()
                && m.getFileTransfer().getResult().getError() == dev.lifeline.common.wire.e2e.TransferErrorCode.TOO_MANY_TRANSFERS;
        for (int i = 0; i < 5; i++) {
            forge(offerNamed(200 + i, "f" + i + ".txt"));
        }
        await(() -> receiver.offers.size() == 3 && receiver.sent.stream().filter(refusal).count() == 2,
                "three asked, two refused: " + receiver.sent);
    }
}
