package dev.lifeline.client.transfer;

import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.timeline.TimelineEntry;
import dev.lifeline.common.transfer.ChunkPacer;
import dev.lifeline.common.transfer.ChunkSlot;
import dev.lifeline.common.transfer.FileNames;
import dev.lifeline.common.transfer.IncomingTransfer;
import dev.lifeline.common.transfer.OutgoingTransfer;
import dev.lifeline.common.transfer.TransferError;
import dev.lifeline.common.transfer.TransferException;
import dev.lifeline.common.transfer.TransferLimits;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import dev.lifeline.common.wire.e2e.FileCancel;
import dev.lifeline.common.wire.e2e.FileResult;
import dev.lifeline.common.wire.e2e.FileTransfer;
import dev.lifeline.common.wire.e2e.SessionMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfers of one session, both ways: the protocol state machines of {@code common.transfer}
 * driven on the session thread, the file reads, writes and hashing on one I/O thread of their own.
 * The session routes {@link #onMessage} here only after the customer's consent gate; {@code allowed}
 * is checked again for anything this end starts. Finished transfers stay listed (bounded) so they
 * can be retried: a retry offers the same file again and the receiver resumes from what it holds.
 */
public final class FileTransfers {
    private static final Logger log = LoggerFactory.getLogger(FileTransfers.class);
    /** Finished transfers kept for the list and for retries. */
    static final int MAX_KEPT = 100;
    private static final long PROGRESS_EVERY_NANOS = 100_000_000;

    /** What transfers need from the session. */
    public interface Events {
        void send(SessionMessage message);

        /** The peer offers a file: answer with {@link #accept} or {@link #decline}. */
        void offered(FileOffered offer);

        /** A transfer changed (state or progress, the latter at most ten times a second). */
        void status(TransferStatus status);
    }

    private final class Outgoing {
        final long id;
        final Path path;
        final String name;
        OutgoingTransfer transfer;
        SourceFile source;
        long lastProgress;
        /** Set when cancelled while the file was still being hashed. */
        TransferError endedEarly;

        Outgoing(long id, Path path, String name) {
            this.id = id;
            this.path = path;
            this.name = name;
        }

        TransferStatus status() {
            if (transfer == null) {
                return new TransferStatus(id, Direction.OUTGOING, name, 0, 0,
                        endedEarly == null ? TransferState.OFFERED : endedEarly == TransferError.CANCELLED
                                ? TransferState.CANCELLED : TransferState.FAILED, endedEarly, "", "");
            }
            return new TransferStatus(id, Direction.OUTGOING, name, transfer.size(), transfer.confirmed(),
                    transfer.state(), transfer.error(), transfer.detail(), transfer.savedAs());
        }

        boolean finished() {
            return transfer == null ? endedEarly != null : transfer.state().finished();
        }
    }

    private final class Incoming {
        final IncomingTransfer transfer;
        PartFile part;
        long lastProgress;

        Incoming(IncomingTransfer transfer) {
            this.transfer = transfer;
        }

        TransferStatus status() {
            return new TransferStatus(transfer.id(), Direction.INCOMING, transfer.name(), transfer.size(),
                    transfer.written(), transfer.state(), transfer.error(), transfer.detail(), transfer.savedAs());
        }
    }

    private final ScheduledExecutorService loop;
    private final ExecutorService io;
    private final BooleanSupplier allowed;
    private final Events events;
    private final SessionTimeline timeline;
    private final TimelineEntry.Actor me;
    private final TimelineEntry.Actor peer;
    private final ChunkPacer pacer = new ChunkPacer();
    private final Map<Long, Outgoing> outgoing = new LinkedHashMap<>();
    private final Map<Long, Incoming> incoming = new LinkedHashMap<>();
    private long nextId = 1;
    private boolean pumpScheduled;
    private boolean closed;

    /**
     * @param loop     the session thread; every public method must be called on it
     * @param allowed  whether TRANSFER_FILES is granted now (as this end knows it)
     * @param me       who this end is, for the timeline
     */
    public FileTransfers(ScheduledExecutorService loop, BooleanSupplier allowed, Events events, SessionTimeline timeline,
                         TimelineEntry.Actor me) {
        this.loop = loop;
        this.allowed = allowed;
        this.events = events;
        this.timeline = timeline;
        this.me = me;
        this.peer = me == TimelineEntry.Actor.CUSTOMER ? TimelineEntry.Actor.TECHNICIAN : TimelineEntry.Actor.CUSTOMER;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lifeline-files");
            t.setDaemon(true);
            return t;
        });
    }

    // ---- this end sends ------------------------------------------------------------------

    /** Offers a file to the peer. Returns the transfer's id; its progress comes as status events. */
    public long offer(Path file) {
        long id = nextId++;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        Outgoing o = new Outgoing(id, file, name);
        keep(outgoing, id, o, Outgoing::finished);
        if (closed) {
            endEarly(o, TransferError.SESSION_ENDED, "the session has ended");
            return id;
        }
        if (!allowed.getAsBoolean()) {
            endEarly(o, TransferError.NOT_GRANTED, "the customer has not allowed file transfer");
            return id;
        }
        if (activeOutgoing() > TransferLimits.MAX_CONCURRENT) {
            endEarly(o, TransferError.TOO_MANY_TRANSFERS, "at most " + TransferLimits.MAX_CONCURRENT + " files at once");
            return id;
        }
        try {
            FileNames.sanitise(name);
        } catch (TransferException e) {
            endEarly(o, TransferError.BAD_NAME, e.getMessage());
            return id;
        }
        events.status(o.status());
        onIo(() -> {
            try {
                SourceFile source = SourceFile.open(file);
                onLoop(() -> prepared(o, source));
            } catch (IOException e) {
                onLoop(() -> endEarly(o, TransferError.IO_ERROR, "cannot read the file: " + e.getMessage()));
            }
        });
        return id;
    }

    private void prepared(Outgoing o, SourceFile source) {
        if (o.endedEarly != null || closed) {
            closeQuietly(source);
            return;
        }
        if (source.size() > TransferLimits.MAX_FILE_BYTES) {
            closeQuietly(source);
            endEarly(o, TransferError.TOO_LARGE, "the file is larger than " + (TransferLimits.MAX_FILE_BYTES >> 30) + " GiB");
            return;
        }
        o.source = source;
        o.transfer = new OutgoingTransfer(o.id, o.name, source.size(), source.sha256());
        events.send(message(o.transfer.offer()));
        timeline.record(TimelineEntry.Kind.FILE_OFFERED, me, o.name, source.size(), "");
        events.status(o.status());
    }

    private void endEarly(Outgoing o, TransferError why, String detail) {
        o.endedEarly = why;
        log.info("file transfer {} not started: {} ({})", o.id, why, detail);
        timeline.record(why == TransferError.CANCELLED ? TimelineEntry.Kind.FILE_CANCELLED : TimelineEntry.Kind.FILE_FAILED,
                me, o.name, 0, why.name());
        events.status(new TransferStatus(o.id, Direction.OUTGOING, o.name, 0, 0,
                why == TransferError.CANCELLED ? TransferState.CANCELLED : TransferState.FAILED, why, detail, ""));
    }

    /** Offers a finished (failed or cancelled) outgoing transfer's file again; the receiver resumes. */
    public Optional<Long> retry(long id) {
        Outgoing o = outgoing.get(id);
        if (o == null || !o.finished() || (o.transfer != null && o.transfer.state() == TransferState.COMPLETED)) {
            return Optional.empty();
        }
        return Optional.of(offer(o.path));
    }

    private void pump() {
        if (closed) {
            return;
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Outgoing o : outgoing.values()) {
                if (o.transfer == null || o.transfer.state() != TransferState.RUNNING) {
                    continue;
                }
                long wait = pacer.nanosUntilNext();
                if (wait > 0) {
                    schedulePump(wait);
                    return;
                }
                Optional<ChunkSlot> slot = o.transfer.nextChunk();
                if (slot.isPresent()) {
                    pacer.tryTake();
                    read(o, slot.get());
                    progress = true;
                }
            }
        }
    }

    private void schedulePump(long nanos) {
        if (!pumpScheduled) {
            pumpScheduled = true;
            loop.schedule(() -> {
                pumpScheduled = false;
                pump();
            }, Math.max(nanos, 1_000_000), TimeUnit.NANOSECONDS);
        }
    }

    private void read(Outgoing o, ChunkSlot slot) {
        SourceFile source = o.source;
        onIo(() -> {
            try {
                byte[] data = source.read(slot);
                onLoop(() -> o.transfer.chunk(slot, data).ifPresent(chunk -> events.send(message(chunk))));
            } catch (SourceChangedException e) {
                onLoop(() -> cancelOutgoing(o, TransferError.SOURCE_CHANGED, e.getMessage()));
            } catch (IOException e) {
                onLoop(() -> cancelOutgoing(o, TransferError.IO_ERROR, "cannot read the file: " + e.getMessage()));
            }
        });
    }

    private void cancelOutgoing(Outgoing o, TransferError why, String detail) {
        if (o.transfer == null) {
            if (o.endedEarly == null) {
                endEarly(o, why, detail);
            }
            return;
        }
        o.transfer.cancel(why, detail).ifPresent(cancel -> events.send(message(cancel)));
        outgoingEnded(o);
    }

    private void outgoingEnded(Outgoing o) {
        closeQuietly(o.source);
        OutgoingTransfer t = o.transfer;
        TimelineEntry.Kind kind = switch (t.state()) {
            case COMPLETED -> TimelineEntry.Kind.FILE_COMPLETED;
            case CANCELLED -> TimelineEntry.Kind.FILE_CANCELLED;
            default -> t.error() == TransferError.DECLINED ? TimelineEntry.Kind.FILE_DECLINED : TimelineEntry.Kind.FILE_FAILED;
        };
        timeline.record(kind, me, t.name(), t.size(), t.state() == TransferState.COMPLETED ? "" : String.valueOf(t.error()));
        events.status(o.status());
    }

    // ---- this end receives ---------------------------------------------------------------

    /** Accepts an offered file into {@code folder}; resumes if an earlier attempt left part of it there. */
    public void accept(long id, Path folder) {
        Incoming in = incoming.get(id);
        if (in == null || in.transfer.state() != TransferState.OFFERED || closed) {
            return;
        }
        if (!allowed.getAsBoolean()) {
            refuseIncoming(in, TransferError.NOT_GRANTED, "file transfer is not allowed");
            return;
        }
        onIo(() -> {
            try {
                PartFile part = PartFile.open(folder, in.transfer);
                onLoop(() -> opened(in, part));
            } catch (IOException | RuntimeException e) {
                onLoop(() -> refuseIncoming(in, TransferError.IO_ERROR, "cannot write to the folder: " + e.getMessage()));
            }
        });
    }

    private void opened(Incoming in, PartFile part) {
        if (in.transfer.state() != TransferState.OFFERED || closed) {
            onIo(part::discard);
            return;
        }
        in.part = part;
        events.send(message(in.transfer.accept(part.held())));
        timeline.record(TimelineEntry.Kind.FILE_ACCEPTED, me, in.transfer.name(), in.transfer.size(),
                part.held() > 0 ? "resumed at " + in.transfer.written() : "");
        events.status(in.status());
        if (in.transfer.complete()) {
            verify(in);
        }
    }

    public void decline(long id) {
        Incoming in = incoming.get(id);
        if (in == null || in.transfer.state() != TransferState.OFFERED) {
            return;
        }
        events.send(message(in.transfer.decline("declined")));
        timeline.record(TimelineEntry.Kind.FILE_DECLINED, me, in.transfer.name(), in.transfer.size(), "");
        events.status(in.status());
    }

    /** Fails an offered or running incoming transfer here and tells the sender. */
    private void refuseIncoming(Incoming in, TransferError why, String detail) {
        if (in.transfer.state().finished()) {
            return;
        }
        events.send(message(in.transfer.failed(why, detail)));
        incomingEnded(in, false);
    }

    private void incomingEnded(Incoming in, boolean keepPart) {
        PartFile part = in.part;
        in.part = null;
        if (part != null) {
            onIo(keepPart ? part::keep : part::discard);
        }
        IncomingTransfer t = in.transfer;
        TimelineEntry.Kind kind = switch (t.state()) {
            case COMPLETED -> TimelineEntry.Kind.FILE_COMPLETED;
            case CANCELLED -> t.error() == TransferError.DECLINED ? TimelineEntry.Kind.FILE_DECLINED : TimelineEntry.Kind.FILE_CANCELLED;
            default -> TimelineEntry.Kind.FILE_FAILED;
        };
        timeline.record(kind, me, t.name(), t.size(), t.state() == TransferState.COMPLETED ? t.savedAs() : String.valueOf(t.error()));
        events.status(in.status());
    }

    private void onChunk(Incoming in, FileTransfer message) {
        IncomingTransfer.Verdict verdict;
        try {
            verdict = in.transfer.onChunk(message.getChunk());
        } catch (TransferException e) {
            log.warn("file transfer {}: {}", in.transfer.id(), e.getMessage());
            refuseIncoming(in, e.error(), e.getMessage());
            return;
        }
        switch (verdict) {
            case WRITE -> write(in, message.getChunk().getOffset(), message.getChunk().getData().toByteArray());
            case RESEND -> {
                log.info("file transfer {}: a chunk failed its checksum; asking again", in.transfer.id());
                events.send(message(in.transfer.resendRequest()));
            }
            case FAILED -> {
                events.send(message(in.transfer.cancelMessage()));
                incomingEnded(in, false);
            }
            case STALE -> { }
        }
    }

    private void write(Incoming in, long offset, byte[] data) {
        PartFile part = in.part;
        onIo(() -> {
            try {
                part.write(offset, data);
                onLoop(() -> written(in, offset, data.length));
            } catch (IOException e) {
                onLoop(() -> refuseIncoming(in, TransferError.IO_ERROR, "cannot write the file: " + e.getMessage()));
            }
        });
    }

    private void written(Incoming in, long offset, int length) {
        if (in.transfer.state() != TransferState.RUNNING) {
            return;
        }
        in.transfer.written(offset, length).ifPresent(ack -> events.send(message(ack)));
        if (in.transfer.complete()) {
            verify(in);
        } else {
            progress(in);
        }
    }

    private void verify(Incoming in) {
        events.status(in.status());
        PartFile part = in.part;
        onIo(() -> {
            try {
                byte[] digest = part.finish();
                onLoop(() -> {
                    if (in.transfer.state() != TransferState.VERIFYING) {
                        return;
                    }
                    if (!in.transfer.verified(digest)) {
                        log.warn("file transfer {}: the whole file's SHA-256 does not match; deleted", in.transfer.id());
                        events.send(message(in.transfer.failed(TransferError.CHECKSUM_MISMATCH, in.transfer.detail())));
                        incomingEnded(in, false);
                        return;
                    }
                    commit(in, part);
                });
            } catch (IOException e) {
                onLoop(() -> refuseIncoming(in, TransferError.IO_ERROR, "cannot write the file: " + e.getMessage()));
            }
        });
    }

    private void commit(Incoming in, PartFile part) {
        String name = in.transfer.name();
        onIo(() -> {
            try {
                String saved = part.commit(name);
                onLoop(() -> {
                    in.part = null;
                    events.send(message(in.transfer.saved(saved)));
                    incomingEnded(in, false);
                });
            } catch (IOException e) {
                onLoop(() -> refuseIncoming(in, TransferError.IO_ERROR, "cannot save the file: " + e.getMessage()));
            }
        });
    }

    // ---- both ----------------------------------------------------------------------------

    /** Cancels a transfer either way; the peer is told. */
    public void cancel(long id, Direction direction) {
        if (direction == Direction.OUTGOING) {
            Outgoing o = outgoing.get(id);
            if (o != null && !o.finished()) {
                cancelOutgoing(o, TransferError.CANCELLED, "cancelled");
            }
        } else {
            Incoming in = incoming.get(id);
            if (in != null && !in.transfer.state().finished()) {
                in.transfer.cancel(TransferError.CANCELLED, "cancelled").ifPresent(c -> events.send(message(c)));
                incomingEnded(in, false);
            }
        }
    }

    /** A message from the peer (already through the consent gate on the customer's side). */
    public boolean onMessage(SessionMessage message) {
        if (message.getBodyCase() != SessionMessage.BodyCase.FILE_TRANSFER) {
            return false;
        }
        if (closed) {
            return true;
        }
        FileTransfer m = message.getFileTransfer();
        long id = m.getTransferId();
        switch (m.getStepCase()) {
            case OFFER -> onOffer(m);
            case CHUNK -> withIncoming(id, in -> onChunk(in, m));
            case ACCEPT, ACK, RESEND -> withOutgoing(id, o -> {
                try {
                    switch (m.getStepCase()) {
                        case ACCEPT -> {
                            o.transfer.accepted(m.getAccept());
                            events.status(o.status());
                        }
                        case ACK -> {
                            o.transfer.acked(m.getAck().getConfirmedOffset());
                            progress(o);
                        }
                        default -> o.transfer.resend(m.getResend());
                    }
                } catch (TransferException e) {
                    log.warn("file transfer {}: {}", id, e.getMessage());
                    cancelOutgoing(o, TransferError.PROTOCOL, e.getMessage());
                    return;
                }
                if (o.transfer.state().finished()) {
                    events.send(message(FileTransfer.newBuilder().setTransferId(id).setCancel(FileCancel.newBuilder()
                            .setReason(o.transfer.error().toWire()).setFromSender(true)).build()));
                    outgoingEnded(o);
                    return;
                }
                pump();
            });
            case DECLINE -> withOutgoing(id, o -> {
                o.transfer.declined(m.getDecline().getReason());
                outgoingEnded(o);
            });
            case RESULT -> withOutgoing(id, o -> {
                o.transfer.result(m.getResult());
                if (o.transfer.state().finished()) {
                    outgoingEnded(o);
                }
            });
            case CANCEL -> {
                if (m.getCancel().getFromSender()) {
                    withIncoming(id, in -> {
                        in.transfer.cancelledByPeer(m.getCancel());
                        incomingEnded(in, false);
                    });
                } else {
                    withOutgoing(id, o -> {
                        o.transfer.cancelledByPeer(m.getCancel());
                        outgoingEnded(o);
                    });
                }
            }
            default -> log.warn("ignoring a file-transfer message without a step");
        }
        return true;
    }

    private void onOffer(FileTransfer m) {
        long id = m.getTransferId();
        if (incoming.containsKey(id)) {
            log.warn("file transfer {} offered twice; ignored", id);
            return;
        }
        FileResult.Builder refusal = null;
        IncomingTransfer transfer = null;
        if (!allowed.getAsBoolean()) {
            refusal = FileResult.newBuilder().setError(TransferError.NOT_GRANTED.toWire()).setDetail("file transfer is not allowed");
        } else if (activeIncoming() >= TransferLimits.MAX_CONCURRENT) {
            refusal = FileResult.newBuilder().setError(TransferError.TOO_MANY_TRANSFERS.toWire())
                    .setDetail("at most " + TransferLimits.MAX_CONCURRENT + " files at once");
        } else {
            try {
                transfer = IncomingTransfer.fromOffer(id, m.getOffer());
            } catch (TransferException e) {
                log.warn("file offer {} refused: {}", id, e.getMessage());
                refusal = FileResult.newBuilder().setError(e.error().toWire()).setDetail(e.getMessage());
            }
        }
        if (refusal != null) {
            events.send(message(FileTransfer.newBuilder().setTransferId(id).setResult(refusal).build()));
            timeline.record(TimelineEntry.Kind.FILE_FAILED, TimelineEntry.Actor.valueOf(me.name() + "_APP"),
                    "", m.getOffer().getSize(), TransferError.fromWire(refusal.getError()).name());
            return;
        }
        Incoming in = new Incoming(transfer);
        keep(incoming, id, in, i -> i.transfer.state().finished());
        timeline.record(TimelineEntry.Kind.FILE_OFFERED, peer, transfer.name(), transfer.size(), "");
        events.status(in.status());
        events.offered(new FileOffered(id, transfer.name(), transfer.size()));
    }

    private interface Step<T> {
        void run(T t);
    }

    private void withIncoming(long id, Step<Incoming> step) {
        Incoming in = incoming.get(id);
        if (in == null) {
            log.debug("file transfer message for unknown incoming transfer {}", id);
            return;
        }
        step.run(in);
    }

    private void withOutgoing(long id, Step<Outgoing> step) {
        Outgoing o = outgoing.get(id);
        if (o == null || o.transfer == null || o.transfer.state().finished()) {
            log.debug("file transfer message for unknown or finished outgoing transfer {}", id);
            return;
        }
        step.run(o);
    }

    private void progress(Outgoing o) {
        long now = System.nanoTime();
        if (o.transfer.state() != TransferState.RUNNING || now - o.lastProgress >= PROGRESS_EVERY_NANOS) {
            o.lastProgress = now;
            events.status(o.status());
        }
    }

    private void progress(Incoming in) {
        long now = System.nanoTime();
        if (now - in.lastProgress >= PROGRESS_EVERY_NANOS) {
            in.lastProgress = now;
            events.status(in.status());
        }
    }

    /** The capability was taken back: everything running stops, partial files are deleted. */
    public void revoked() {
        for (Outgoing o : new ArrayList<>(outgoing.values())) {
            if (!o.finished()) {
                cancelOutgoing(o, TransferError.NOT_GRANTED, "file transfer is no longer allowed");
            }
        }
        for (Incoming in : new ArrayList<>(incoming.values())) {
            if (!in.transfer.state().finished()) {
                in.transfer.cancel(TransferError.NOT_GRANTED, "file transfer is no longer allowed")
                        .ifPresent(c -> events.send(message(c)));
                incomingEnded(in, false);
            }
        }
    }

    /**
     * The session is over. Running transfers fail with SESSION_ENDED; partial files are kept when
     * {@code keepPartials} (the connection was lost: a retry in a new session resumes), else deleted.
     */
    public void close(boolean keepPartials) {
        if (closed) {
            return;
        }
        for (Outgoing o : outgoing.values()) {
            if (o.transfer != null && !o.transfer.state().finished()) {
                o.transfer.fail(TransferError.SESSION_ENDED, "the session ended");
                outgoingEnded(o);
            } else if (o.transfer == null && o.endedEarly == null) {
                endEarly(o, TransferError.SESSION_ENDED, "the session ended");
            }
        }
        for (Incoming in : incoming.values()) {
            if (!in.transfer.state().finished()) {
                in.transfer.fail(TransferError.SESSION_ENDED, "the session ended");
                incomingEnded(in, keepPartials);
            }
        }
        closed = true;
        io.shutdown();
    }

    /** Every transfer this session knows, oldest first. */
    public List<TransferStatus> statuses() {
        List<TransferStatus> all = new ArrayList<>();
        outgoing.values().forEach(o -> all.add(o.status()));
        incoming.values().forEach(in -> all.add(in.status()));
        return all;
    }

    private int activeOutgoing() {
        return (int) outgoing.values().stream().filter(o -> !o.finished()).count();
    }

    private int activeIncoming() {
        return (int) incoming.values().stream().filter(in -> !in.transfer.state().finished()).count();
    }

    /** Adds, then forgets the oldest finished transfer when over {@link #MAX_KEPT}. */
    private static <T> void keep(Map<Long, T> map, long id, T value, java.util.function.Predicate<T> finished) {
        map.put(id, value);
        if (map.size() > MAX_KEPT) {
            for (Iterator<T> it = map.values().iterator(); it.hasNext(); ) {
                if (finished.test(it.next())) {
                    it.remove();
                    return;
                }
            }
        }
    }

    private static SessionMessage message(FileTransfer transfer) {
        return SessionMessage.newBuilder().setFileTransfer(transfer).build();
    }

    private void onIo(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("file I/O after the session ended; dropped");
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("session thread gone; file transfer step dropped");
        }
    }

    private static void closeQuietly(SourceFile source) {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                // closing a read-only file
            }
        }
    }
}
