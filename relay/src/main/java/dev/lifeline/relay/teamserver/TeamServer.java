package dev.lifeline.relay.teamserver;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.Lockout;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.billing.BillingStore;
import dev.lifeline.relay.contracts.ContractStore;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.handover.HandoverDesk;
import dev.lifeline.relay.handover.HandoverRecords;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.LobbyExtension;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.queue.QueueDesk;
import dev.lifeline.relay.queue.QueueStore;
import dev.lifeline.relay.review.DashboardFigures;
import dev.lifeline.relay.review.ReviewDesk;
import dev.lifeline.relay.review.SessionReports;
import dev.lifeline.relay.review.SessionSearch;
import dev.lifeline.relay.signin.SignInDesk;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The relay as the team's server: sign-in, account administration and the waiting queue, on top
 * of the database. Plugs into the lobby as its {@link LobbyExtension}. Blocking work (Argon2,
 * JDBC) runs on a small bounded pool; when it is full, requests get CAPACITY instead of queuing
 * without bound.
 */
public final class TeamServer implements LobbyExtension, AutoCloseable {
    static final int BLOCKING_THREADS = 2;
    static final int BLOCKING_QUEUE = 500;
    static final long REFRESH_SECONDS = 15;

    private final ThreadPoolExecutor blocking;
    private final ScheduledExecutorService refresher;
    private final SignInDesk signIn;
    private final QueueDesk queue;
    private final AuditLog audit;
    /** Transfer and watch (issue 6); installed by the server once the session table exists. */
    private volatile HandoverDesk handover;
    private final ReviewDesk review;

    public TeamServer(Database database, OrganisationCa caOrNull, PasswordHasher.Parameters hashing, Clock clock)
            throws SQLException {
        this(database, caOrNull, hashing, clock, SessionTokens.DEFAULT_LIFETIME);
    }

    public TeamServer(Database database, OrganisationCa caOrNull, PasswordHasher.Parameters hashing, Clock clock,
                      java.time.Duration tokenLifetime) throws SQLException {
        this.blocking = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BLOCKING_QUEUE), new DefaultThreadFactory("lifeline-team", true));
        AuditLog audit = new AuditLog(database, clock);
        this.audit = audit;
        Accounts accounts = new Accounts(database, audit, clock, hashing, Lockout.DEFAULT, tokenLifetime);
        ContractStore contracts = new ContractStore(database);
        this.signIn = new SignInDesk(accounts, caOrNull, audit, blocking, clock);
        this.queue = new QueueDesk(new QueueStore(database), contracts, new BillingStore(database, contracts), audit,
                blocking, clock);
        this.review = new ReviewDesk(new SessionReports(database), new SessionSearch(database),
                new DashboardFigures(database), audit, blocking, clock);
        // Waiting times and SLA states change with time alone: refresh subscribers now and then.
        this.refresher = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("lifeline-queue-refresh", true));
        refresher.scheduleWithFixedDelay(() -> {
            if (queue.hasListeners() && blocking.getQueue().size() < BLOCKING_QUEUE / 2) {
                queue.broadcast();
            }
        }, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** What a handover writes: audit entries and the session record's move, off the network thread. */
    public HandoverRecords handoverRecords() {
        return new HandoverRecords() {
            @Override
            public void audit(String actor, String action, String detail) {
                try {
                    blocking.execute(() -> audit.record(actor, action, detail));
                } catch (RejectedExecutionException e) {
                    // overloaded or shutting down: the handover itself is not held up
                }
            }

            @Override
            public void transferred(Entry entry, long fromAccountId, long toAccountId, long atMs) {
                if (entry == null) {
                    return;
                }
                try {
                    queue.transferred(entry, fromAccountId, toAccountId, atMs);
                } catch (RejectedExecutionException e) {
                    // shutting down
                }
            }
        };
    }

    /** Installs transfer and watch (issue 6). */
    public void handover(HandoverDesk desk) {
        this.handover = desk;
    }

    @Override
    public boolean handles(RelayFrame.BodyCase body) {
        if (handover != null && HandoverDesk.handlesInLobby(body)) {
            return true;
        }
        return switch (body) {
            case SIGN_IN, RENEW_TOKEN, SIGN_OUT, ACCOUNT_REQUEST, QUEUE_SUBMIT, QUEUE_SUBSCRIBE, QUEUE_PICK -> true;
            case FILE_REPORT, SESSION_QUERY, REPORT_QUERY, DASHBOARD_QUERY -> true;
            default -> false;
        };
    }

    @Override
    public void handle(LobbyConnection connection, RelayFrame frame) {
        HandoverDesk desk = handover;
        if (desk != null && HandoverDesk.handlesInLobby(frame.getBodyCase())) {
            desk.handleInLobby(connection, frame);
            return;
        }
        try {
            switch (frame.getBodyCase()) {
                case SIGN_IN -> signIn.signIn(connection, frame.getSignIn());
                case RENEW_TOKEN -> signIn.renew(connection);
                case SIGN_OUT -> signIn.signOut(connection);
                case ACCOUNT_REQUEST -> signIn.accountRequest(connection, frame.getAccountRequest());
                case QUEUE_SUBMIT -> queue.submit(connection, frame.getQueueSubmit());
                case QUEUE_SUBSCRIBE -> queue.subscribe(connection);
                case QUEUE_PICK -> queue.pick(connection, frame.getQueuePick());
                case FILE_REPORT -> review.file(connection, frame.getFileReport());
                case SESSION_QUERY -> review.sessions(connection, frame.getSessionQuery());
                case REPORT_QUERY -> review.report(connection, frame.getReportQuery());
                case DASHBOARD_QUERY -> review.dashboard(connection, frame.getDashboardQuery());
                default -> connection.fatal(ErrorCode.UNEXPECTED_FRAME, frame.getBodyCase() + " is not allowed now");
            }
        } catch (RejectedExecutionException e) {
            connection.reply(Replies.error(ErrorCode.CAPACITY, "the relay is busy, try again in a moment"));
        }
    }

    @Override
    public void closed(LobbyConnection connection, boolean saidClose) {
        HandoverDesk desk = handover;
        if (desk != null) {
            desk.closed(connection);
        }
        try {
            queue.closed(connection, saidClose);
        } catch (RejectedExecutionException e) {
            // shutting down or overloaded: the entry is cleaned up by the rejoin grace
        }
    }

    /** Whether the relay records sessions: session rows then carry their recording id. */
    public void recordingSessions(boolean on) {
        review.recordingSessions(on);
    }

    @Override
    public void paired(Entry entry, byte[] sessionId, LobbyConnection technician) {
        paired(entry, sessionId, technician, new byte[0]);
    }

    @Override
    public void paired(Entry entry, byte[] sessionId, LobbyConnection technician, byte[] reportClaim) {
        HandoverDesk desk = handover;
        if (desk != null) {
            desk.paired(entry, technician);
        }
        String relaySessionId = java.util.HexFormat.of().formatHex(sessionId);
        try {
            if (!queue.paired(entry, technician, row -> review.queueSessionStarted(row, relaySessionId))) {
                review.codeFlowPaired(entry, relaySessionId, technician, reportClaim);
            }
        } catch (RejectedExecutionException e) {
            // the session is not billed; logged by the pool's owner at shutdown only
        }
    }

    @Override
    public void ended(Entry entry) {
        HandoverDesk desk = handover;
        if (desk != null) {
            desk.ended(entry);
        }
        try {
            queue.ended(entry);
            review.ended(entry);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        blocking.shutdown();
        try {
            blocking.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
