package dev.lifeline.relay.queue;

import com.google.protobuf.ByteString;
import dev.lifeline.common.wire.relay.ContractStatus;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.QueueItem;
import dev.lifeline.common.wire.relay.QueuePick;
import dev.lifeline.common.wire.relay.QueueSnapshot;
import dev.lifeline.common.wire.relay.QueueStatus;
import dev.lifeline.common.wire.relay.QueueSubmit;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SlaState;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.BillingCalculator;
import dev.lifeline.relay.contracts.Contract;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.contracts.ContractText;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.signin.SignedInAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waiting queue on the relay. Entries live in the database ({@link QueueStore}); which
 * entries have a connected customer, and on which nameplate, is kept here. Customers submit
 * (or rejoin with their token), signed-in technicians subscribe to snapshots and pick. Every
 * change pushes a fresh snapshot to subscribers and each waiting customer its place.
 * Database work runs on the blocking executor; lobby state changes on the connection's loop.
 */
public final class QueueDesk {
    private static final Logger LOG = LoggerFactory.getLogger(QueueDesk.class);
    /** How long an entry may wait with its customer connected. */
    public static final Duration ENTRY_LIFETIME = Duration.ofHours(8);
    /** How long an entry whose customer dropped (or a relay restart) waits for the customer to rejoin. */
    public static final Duration REJOIN_GRACE = Duration.ofMinutes(10);
    static final int MAX_NAME = 100;
    static final int MAX_PROBLEM = 1000;
    static final int MAX_CONTACT = 200;
    static final int MAX_ORGANISATION = 200;

    private final QueueStore store;
    private final ContractStore contracts;
    private final BillingStore billing;
    private final AuditLog audit;
    private final Executor blocking;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final long startedAtMs;

    /** A waiting customer's connection and nameplate, by entry id. */
    private record Live(long entryId, Entry nameplate, LobbyConnection customer) {
    }

    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Map<Entry, Long> entryOfNameplate = new ConcurrentHashMap<>();
    private final Map<Long, Long> disconnectedSince = new ConcurrentHashMap<>();
    private final Set<LobbyConnection> subscribers = ConcurrentHashMap.newKeySet();
    /** Entries a queue pick is pairing right now (so {@link #paired} can tell a pick from a code join). */
    private final Set<Long> picking = ConcurrentHashMap.newKeySet();
    /**
     * Queue sessions running now: their support-session rows (once inserted). Put before the insert
     * is queued, so an end (or handover) that two pool threads let overtake the insert waits for it
     * instead of finding nothing and leaving the session unbilled.
     */
    private final Map<Entry, java.util.concurrent.CompletableFuture<Long>> supportSessionOf = new ConcurrentHashMap<>();

    public QueueDesk(QueueStore store, ContractStore contracts, BillingStore billing, AuditLog audit, Executor blocking,
                     Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.billing = billing;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
        this.startedAtMs = clock.millis();
    }

    public void submit(LobbyConnection connection, QueueSubmit request) {
        if (connection.role() != Role.CUSTOMER) {
            connection.fatal(ErrorCode.UNEXPECTED_FRAME, "only a customer joins the queue");
            return;
        }
        String name = request.getCustomerName().strip();
        String problem = request.getProblem().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || problem.length() > MAX_PROBLEM
                || request.getContact().length() > MAX_CONTACT || request.getOrganisation().length() > MAX_ORGANISATION
                || request.getRejoinToken().size() > 64 || hasControl(name) || hasControl(request.getOrganisation())) {
            connection.reply(Replies.error(ErrorCode.INVALID_REQUEST,
                    "name 1-100, problem up to 1000, contact up to 200 characters"));
            return;
        }
        blocking.execute(() -> {
            try {
                long now = clock.millis();
                QueueStore.Row row;
                byte[] rejoin = null;
                if (!request.getRejoinToken().isEmpty()) {
                    Optional<QueueStore.Row> found = store.findWaitingByRejoinHash(sha256(request.getRejoinToken().toByteArray()));
                    if (found.isEmpty() || live.containsKey(found.get().id())) {
                        connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, "this queue entry is no longer waiting"));
                        return;
                    }
                    row = found.get();
                } else {
                    rejoin = new byte[32];
                    random.nextBytes(rejoin);
                    String organisation = request.getOrganisation().strip();
                    Long organisationId = organisation.isEmpty() ? null
                            : contracts.findOrganisation(organisation).map(ContractStore.Organisation::id).orElse(null);
                    long id = store.insert(name, problem, request.getContact().strip(), organisationId, organisation,
                            sha256(rejoin), now);
                    row = store.find(id).orElseThrow();
                    audit.append("customer", "queue.submit", "entry " + id + (organisation.isEmpty() ? "" : " for " + organisation));
                }
                byte[] token = rejoin;
                connection.execute(() -> enqueue(connection, row, token));
            } catch (Exception e) {
                LOG.error("queue submit failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.QUEUE_UNAVAILABLE, "the queue is unavailable right now"));
            }
        });
    }

    /** On the customer's loop: wait under a nameplate and tell the customer its place. */
    private void enqueue(LobbyConnection connection, QueueStore.Row row, byte[] rejoinToken) {
        Optional<Entry> nameplate = connection.waitForTechnician(row.customerName(), ENTRY_LIFETIME);
        if (nameplate.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.CAPACITY, "the relay is full, try again later"));
            return;
        }
        live.put(row.id(), new Live(row.id(), nameplate.get(), connection));
        entryOfNameplate.put(nameplate.get(), row.id());
        disconnectedSince.remove(row.id());
        QueueStatus.Builder status = QueueStatus.newBuilder().setEntryId(row.id()).setPosition(0)
                .setSubmittedAtMs(row.submittedAtMs());
        if (rejoinToken != null) {
            status.setRejoinToken(ByteString.copyFrom(rejoinToken));
        }
        connection.reply(RelayFrame.newBuilder().setQueueStatus(status).build());
        broadcast();
    }

    public void subscribe(LobbyConnection connection) {
        if (SignedInAccount.of(connection.channel()).isEmpty()) {
            connection.reply(Replies.error(ErrorCode.NOT_SIGNED_IN, "sign in to see the queue"));
            return;
        }
        subscribers.add(connection);
        blocking.execute(() -> {
            try {
                connection.reply(RelayFrame.newBuilder().setQueueSnapshot(snapshot()).build());
            } catch (Exception e) {
                LOG.error("queue snapshot failed: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.QUEUE_UNAVAILABLE, "the queue is unavailable right now"));
            }
        });
    }

    public void pick(LobbyConnection connection, QueuePick request) {
        Optional<SignedInAccount> technician = SignedInAccount.of(connection.channel());
        if (technician.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.NOT_SIGNED_IN, "sign in to pick from the queue"));
            return;
        }
        long entryId = request.getEntryId();
        blocking.execute(() -> {
            try {
                Live waiting = live.get(entryId);
                if (waiting == null) {
                    connection.reply(Replies.error(ErrorCode.QUEUE_ENTRY_TAKEN, "this customer is no longer waiting"));
                    return;
                }
                if (!store.tryPick(entryId, technician.get().account().id(), clock.millis())) {
                    connection.reply(Replies.error(ErrorCode.QUEUE_ENTRY_TAKEN, "another technician took this customer"));
                    return;
                }
                picking.add(entryId);
                connection.execute(() -> {
                    boolean paired;
                    try {
                        paired = connection.pairWith(waiting.nameplate());
                    } finally {
                        picking.remove(entryId);
                    }
                    if (!paired) {
                        blocking.execute(() -> unpick(entryId));
                        connection.reply(Replies.error(ErrorCode.QUEUE_ENTRY_TAKEN, "this customer is no longer waiting"));
                        return;
                    }
                    audit.record(technician.get().account().name(), "queue.pick", "entry " + entryId);
                });
            } catch (Exception e) {
                LOG.error("queue pick failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.QUEUE_UNAVAILABLE, "the queue is unavailable right now"));
            }
        });
    }

    private void unpick(long entryId) {
        try {
            store.unpick(entryId);
        } catch (Exception e) {
            LOG.error("could not put entry back: {}", e.toString());
        }
    }

    /**
     * A nameplate was paired (by a pick or a code join): the entry leaves the queue, its session
     * starts and {@code sessionRow} gets the support session's id. False when the nameplate was
     * not a queue entry (a plain code session).
     */
    public boolean paired(Entry nameplate, LobbyConnection technician, java.util.function.LongConsumer sessionRow) {
        Long entryId = entryOfNameplate.remove(nameplate);
        subscribers.remove(technician);
        if (entryId == null) {
            return false;
        }
        live.remove(entryId);
        boolean byPick = picking.contains(entryId);
        Long accountId = SignedInAccount.of(technician.channel()).map(a -> a.account().id()).orElse(null);
        long now = clock.millis();
        java.util.concurrent.CompletableFuture<Long> rowId = new java.util.concurrent.CompletableFuture<>();
        supportSessionOf.put(nameplate, rowId);
        try {
            blocking.execute(() -> {
                try {
                    if (!byPick) {
                        store.tryPick(entryId, accountId, now); // joined by code while also queued
                    }
                    QueueStore.Row row = store.find(entryId).orElseThrow();
                    long sessionId = billing.startSession(entryId, row.organisationId(), accountId, row.customerName(),
                            row.submittedAtMs(), now);
                    rowId.complete(sessionId);
                    sessionRow.accept(sessionId);
                } catch (Exception e) {
                    rowId.completeExceptionally(e);
                    LOG.error("could not record the session start: {}", e.toString());
                }
                broadcast();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            supportSessionOf.remove(nameplate);
            throw e;
        }
        return true;
    }

    /** The session on {@code nameplate} ended: its billing entry is written by its contract. */
    public void ended(Entry nameplate) {
        long now = clock.millis();
        java.util.concurrent.CompletableFuture<Long> row = supportSessionOf.remove(nameplate);
        if (row == null) {
            return; // joined by code, not from the queue
        }
        // After the start's insert (and any handover queued before this end), whichever thread ran it.
        row.thenAccept(sessionId -> onBlocking("the session end", () -> billing.endSession(sessionId, now)
                .ifPresent(b -> audit.record("relay", "session.billed", "session " + sessionId + ": "
                        + b.billedMinutes() + " min" + (b.flags().isEmpty() ? "" : " " + b.flags())))));
    }

    private interface Work {
        void run() throws Exception;
    }

    private void onBlocking(String what, Work work) {
        try {
            blocking.execute(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    LOG.error("could not record {}: {}", what, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("could not record {}: the relay is shutting down or overloaded", what);
        }
    }

    /** Issue 6: the session on {@code nameplate} moved to another technician (see BillingStore#handOver). */
    public void transferred(Entry nameplate, long fromAccountId, long toAccountId, long atMs) {
        java.util.concurrent.CompletableFuture<Long> row = supportSessionOf.get(nameplate);
        if (row == null) {
            return; // joined by code, not from the queue: nothing is billed
        }
        // The handover row must be in before the end computes the shares: chain it, the end waits on it.
        java.util.concurrent.CompletableFuture<Long> after = new java.util.concurrent.CompletableFuture<>();
        supportSessionOf.replace(nameplate, row, after);
        row.whenComplete((sessionId, failure) -> {
            if (failure != null) {
                after.completeExceptionally(failure);
                return;
            }
            try {
                blocking.execute(() -> {
                    try {
                        billing.handOver(sessionId, fromAccountId, toAccountId, atMs);
                    } catch (Exception e) {
                        LOG.error("could not record the handover: {}", e.toString());
                    }
                    after.complete(sessionId);
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                after.complete(sessionId);
            }
        });
    }

    /** A lobby connection closed: a waiting customer leaves (Close) or may rejoin (dropped). */
    public void closed(LobbyConnection connection, boolean saidClose) {
        subscribers.remove(connection);
        for (Live entry : live.values()) {
            if (entry.customer() == connection) {
                live.remove(entry.entryId());
                entryOfNameplate.remove(entry.nameplate());
                if (saidClose) {
                    blocking.execute(() -> {
                        try {
                            store.markLeft(entry.entryId());
                            audit.record("customer", "queue.leave", "entry " + entry.entryId());
                        } catch (Exception e) {
                            LOG.error("could not mark the entry left: {}", e.toString());
                        }
                        broadcast();
                    });
                } else {
                    disconnectedSince.put(entry.entryId(), clock.millis());
                    broadcast();
                }
            }
        }
    }

    /** Pushes a fresh snapshot to every subscriber and each waiting customer its place. Blocking thread. */
    public void broadcast() {
        if (subscribers.isEmpty() && live.isEmpty()) {
            return;
        }
        blocking.execute(() -> {
            try {
                QueueSnapshot snapshot = snapshot();
                RelayFrame frame = RelayFrame.newBuilder().setQueueSnapshot(snapshot).build();
                subscribers.forEach(s -> s.push(frame));
                int position = 0;
                for (QueueItem item : snapshot.getItemsList()) {
                    Live customer = live.get(item.getEntryId());
                    if (customer != null) {
                        position++;
                        customer.customer().push(RelayFrame.newBuilder().setQueueStatus(QueueStatus.newBuilder()
                                .setEntryId(item.getEntryId()).setPosition(position)
                                .setSubmittedAtMs(item.getSubmittedAtMs())).build());
                    }
                }
            } catch (Exception e) {
                LOG.error("queue broadcast failed: {}", e.toString());
            }
        });
    }

    /** The queue now, oldest first; entries whose customer has been gone too long are dropped. */
    QueueSnapshot snapshot() throws Exception {
        long now = clock.millis();
        QueueSnapshot.Builder snapshot = QueueSnapshot.newBuilder().setRelayTimeMs(now);
        List<QueueStore.Row> rows = new ArrayList<>(store.waiting());
        for (QueueStore.Row row : rows) {
            boolean connected = live.containsKey(row.id());
            if (!connected) {
                long gone = disconnectedSince.computeIfAbsent(row.id(), id -> startedAtMs);
                if (now - gone > REJOIN_GRACE.toMillis()) {
                    store.markLeft(row.id());
                    disconnectedSince.remove(row.id());
                    continue;
                }
            }
            snapshot.addItems(QueueItem.newBuilder()
                    .setEntryId(row.id())
                    .setCustomerName(row.customerName())
                    .setProblem(row.problem())
                    .setContact(row.contact())
                    .setOrganisation(row.organisationName())
                    .setSubmittedAtMs(row.submittedAtMs())
                    .setConnected(connected)
                    .setContract(contractStatus(row, now)));
        }
        return snapshot.build();
    }

    private ContractStatus contractStatus(QueueStore.Row row, long now) throws Exception {
        ContractStatus.Builder status = ContractStatus.newBuilder();
        if (row.organisationId() == null) {
            return status.build();
        }
        Optional<ContractStore.ActiveContract> active = contracts.activeContract(row.organisationId());
        if (active.isEmpty()) {
            return status.build();
        }
        Contract contract = active.get().contract();
        status.setKind(contract.label()).setDescription(ContractText.describe(contract));
        if (contract instanceof Contract.BlockHours block) {
            long remaining = block.purchasedMinutes() - contracts.blockMinutesUsed(active.get().contractId());
            status.setBlockMinutesRemaining(remaining)
                    .setLowBalance(remaining > 0 && remaining < block.lowBalanceMinutes())
                    .setExhausted(remaining <= 0);
        }
        if (contract instanceof Contract.ManagedServices managed) {
            status.setFirstResponseTargetMinutes(managed.firstResponseMinutes());
        }
        status.setSla(switch (BillingCalculator.waitingSla(contract, row.submittedAtMs(), now)) {
            case NONE -> SlaState.SLA_NONE;
            case ON_TRACK -> SlaState.SLA_ON_TRACK;
            case AT_RISK -> SlaState.SLA_AT_RISK;
            case BREACHED -> SlaState.SLA_BREACHED;
        });
        return status.build();
    }

    public boolean hasListeners() {
        return !subscribers.isEmpty() || !live.isEmpty();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    static String sha256(byte[] token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
