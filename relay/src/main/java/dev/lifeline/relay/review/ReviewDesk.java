package dev.lifeline.relay.review;

import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.review.DashboardQuery;
import dev.lifeline.common.wire.review.FileReport;
import dev.lifeline.common.wire.review.ReportAnswer;
import dev.lifeline.common.wire.review.ReportFiled;
import dev.lifeline.common.wire.review.ReportQuery;
import dev.lifeline.common.wire.review.SessionQuery;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.pairing.LobbyConnection;
import dev.lifeline.relay.pairing.NameplateRegistry.Entry;
import dev.lifeline.relay.signin.SignedInAccount;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session reports and the lead's review requests on the relay. A signed-in technician files the
 * report of a session it ran; leads and admins list sessions, read reports and see the dashboard.
 * Checks happen on the event loop, database work on the team server's blocking executor; every
 * request gets exactly one answer or typed error, in order.
 */
public final class ReviewDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewDesk.class);
    /** Report claims are 32 bytes; anything much longer is not one. */
    static final int MAX_CLAIM_BYTES = 64;

    private final SessionReports reports;
    private final SessionSearch search;
    private final DashboardFigures dashboard;
    private final AuditLog audit;
    private final Executor blocking;
    private final Clock clock;
    /**
     * Code-flow sessions running now: their rows (once inserted), to end them. Put before the
     * insert is queued, so an end that comes before the insert finished waits for it.
     */
    private final Map<Entry, CompletableFuture<Long>> codeFlowRows = new ConcurrentHashMap<>();
    private volatile boolean recording;

    public ReviewDesk(SessionReports reports, SessionSearch search, DashboardFigures dashboard, AuditLog audit,
                      Executor blocking, Clock clock) {
        this.reports = reports;
        this.search = search;
        this.dashboard = dashboard;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Whether the relay records sessions (then a session's recording id is its session id). */
    public void recordingSessions(boolean on) {
        this.recording = on;
    }

    /** A queue pick's session row exists (billing made it): link the relay session to it. */
    public void queueSessionStarted(long supportSessionId, String relaySessionId) {
        try {
            reports.linkQueueSession(supportSessionId, relaySessionId, recording ? relaySessionId : null);
        } catch (Exception e) {
            LOG.error("could not link the session row: {}", e.toString());
        }
    }

    /**
     * A session joined by code: its row, with the technician if the join connection signed in.
     * {@code reportClaim} is the secret the technician's connection got with Paired.
     * When the join was not signed in, its SHA-256 goes with the row, so whoever files the report
     * later with that claim is recorded as the session's technician. The claim itself is not kept.
     */
    public void codeFlowPaired(Entry nameplate, String relaySessionId, LobbyConnection technician, byte[] reportClaim) {
        Long accountId = SignedInAccount.of(technician.channel()).map(a -> a.account().id()).orElse(null);
        byte[] claimHash = accountId == null && reportClaim != null && reportClaim.length > 0 ? sha256(reportClaim) : null;
        long now = clock.millis();
        String customer = nameplate.customerName() == null ? "" : nameplate.customerName();
        CompletableFuture<Long> row = new CompletableFuture<>();
        codeFlowRows.put(nameplate, row);
        try {
            blocking.execute(() -> {
                try {
                    row.complete(reports.startCodeFlowSession(relaySessionId, accountId, customer, now,
                            recording ? relaySessionId : null, claimHash));
                } catch (Exception e) {
                    row.completeExceptionally(e);
                    LOG.error("could not record the session start: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            codeFlowRows.remove(nameplate);
            throw e;
        }
    }

    public void ended(Entry nameplate) {
        long now = clock.millis();
        CompletableFuture<Long> row = codeFlowRows.remove(nameplate);
        if (row == null) {
            return;
        }
        row.thenAccept(id -> {
            try {
                blocking.execute(() -> {
                    try {
                        reports.end(id, now);
                    } catch (Exception e) {
                        LOG.error("could not record the session end: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                // shutting down: the row keeps no end time
            }
        });
    }

    public void file(LobbyConnection connection, FileReport request) {
        Optional<SignedInAccount> who = SignedInAccount.of(connection.channel());
        if (who.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.NOT_SIGNED_IN, "sign in to file a report"));
            return;
        }
        ReportColumns columns;
        try {
            columns = ReportColumns.of(request.getReport(), request.getHadControl());
        } catch (ReportColumns.InvalidReportException e) {
            connection.reply(Replies.error(e.tooLarge() ? ErrorCode.FRAME_TOO_LARGE : ErrorCode.INVALID_REQUEST, e.getMessage()));
            return;
        }
        var claimToken = request.getClaimToken();
        if (claimToken.size() > MAX_CLAIM_BYTES) {
            connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, "the report claim is too long"));
            return;
        }
        var account = who.get().account();
        blocking.execute(() -> {
            try {
                Optional<SessionReports.SessionOwner> owner = reports.byRelaySessionId(columns.relaySessionId());
                if (owner.isEmpty()) {
                    connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, "this relay has no such session"));
                    return;
                }
                if (owner.get().technicianId() == null && !claimToken.isEmpty()) {
                    SessionReports.Claimed claimed = reports.claim(owner.get().id(), account.id(), sha256(claimToken.toByteArray()));
                    if (claimed == SessionReports.Claimed.MISMATCH) {
                        connection.reply(Replies.error(ErrorCode.FORBIDDEN, "the report claim does not match this session"));
                        return;
                    }
                    if (claimed == SessionReports.Claimed.CLAIMED) {
                        audit.append(account.name(), "report.claim", "session " + owner.get().id());
                        owner = Optional.of(new SessionReports.SessionOwner(owner.get().id(), account.id()));
                    } else {
                        // Claimed by someone else meanwhile, or no claim was given out: read who owns it now.
                        owner = reports.byRelaySessionId(columns.relaySessionId());
                    }
                }
                if (owner.get().technicianId() == null || owner.get().technicianId() != account.id()) {
                    connection.reply(Replies.error(ErrorCode.FORBIDDEN, "only the session's technician may file its report"));
                    return;
                }
                SessionReports.Filed filed = reports.file(owner.get().id(), account.id(), account.name(), columns,
                        request.getReport(), clock.millis());
                if (filed == SessionReports.Filed.OTHER_REPORT_EXISTS) {
                    connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, "this session already has a report"));
                    return;
                }
                if (filed == SessionReports.Filed.STORED) {
                    audit.append(account.name(), "report.file", "session " + owner.get().id() + ": " + columns.outcome().name());
                }
                connection.reply(RelayFrame.newBuilder().setReportFiled(ReportFiled.newBuilder()
                        .setSupportSessionId(owner.get().id())
                        .setAlreadyStored(filed == SessionReports.Filed.ALREADY_STORED)).build());
            } catch (Exception e) {
                LOG.error("filing a report failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.INTERNAL, "reports cannot be stored right now"));
            }
        });
    }

    public void sessions(LobbyConnection connection, SessionQuery query) {
        if (!lead(connection)) {
            return;
        }
        try {
            SessionSearch.check(query);
        } catch (IllegalArgumentException e) {
            connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, e.getMessage()));
            return;
        }
        answer(connection, () -> RelayFrame.newBuilder().setSessionPage(search.page(query)).build());
    }

    public void report(LobbyConnection connection, ReportQuery query) {
        if (!lead(connection)) {
            return;
        }
        answer(connection, () -> {
            var row = search.row(query.getSupportSessionId());
            if (row.isEmpty()) {
                return Replies.error(ErrorCode.INVALID_REQUEST, "no such session");
            }
            ReportAnswer.Builder answer = ReportAnswer.newBuilder().setSession(row.get());
            reports.report(query.getSupportSessionId()).ifPresent(answer::setReport);
            return RelayFrame.newBuilder().setReportAnswer(answer).build();
        });
    }

    public void dashboard(LobbyConnection connection, DashboardQuery query) {
        if (!lead(connection)) {
            return;
        }
        try {
            DashboardFigures.check(query);
        } catch (IllegalArgumentException e) {
            connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, e.getMessage()));
            return;
        }
        answer(connection, () -> RelayFrame.newBuilder().setDashboard(dashboard.figures(query)).build());
    }

    private static byte[] sha256(byte[] claim) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(claim);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private interface Answer {
        RelayFrame make() throws Exception;
    }

    private void answer(LobbyConnection connection, Answer answer) {
        blocking.execute(() -> {
            try {
                connection.reply(answer.make());
            } catch (Exception e) {
                LOG.error("review request failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.INTERNAL, "the review workspace is unavailable right now"));
            }
        });
    }

    /** Leads and admins only; anyone else gets a typed error and nothing is read. */
    private static boolean lead(LobbyConnection connection) {
        Optional<SignedInAccount> who = SignedInAccount.of(connection.channel());
        if (who.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.NOT_SIGNED_IN, "sign in as a lead to review sessions"));
            return false;
        }
        AccountRole role = who.get().account().role();
        if (role != AccountRole.LEAD && role != AccountRole.ADMIN) {
            connection.reply(Replies.error(ErrorCode.FORBIDDEN, "reviewing sessions needs the lead role"));
            return false;
        }
        return true;
    }
}
