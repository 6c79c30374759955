package dev.lifeline.client.report;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.team.TeamRequests;
import dev.lifeline.common.wire.e2e.Capability;
import dev.lifeline.common.wire.e2e.ConsentChange;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.report.SessionReport;
import dev.lifeline.common.wire.review.FileReport;
import dev.lifeline.common.wire.review.ReportFiled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reports for a signed-in technician: kept in the local store as before, then filed on the relay
 * (the team database) over a TLS connection signed in with the session token. The relay gets the
 * report without the raw diagnostics results — outcome, notes, findings, consent timeline — and
 * stores it against the session it carried. A relay that is down or refuses loses nothing: the
 * local copy stays, marked unfiled, the error says so, and {@link #fileUnfiled} offers it again
 * after the next sign-in.
 */
public final class RelayReportStore implements ReportStore {
    static final long TIMEOUT_SECONDS = 20;

    private final FileReportStore local;
    private final RelayEndpoint endpoint;
    private final Supplier<String> sessionToken;

    public RelayReportStore(FileReportStore local, RelayEndpoint endpoint, Supplier<String> sessionToken) {
        this.local = local;
        this.endpoint = endpoint;
        this.sessionToken = sessionToken;
    }

    /** What the relay is sent: the report without diagnostics results, and whether control was granted. */
    public static FileReport forRelay(SessionReport report) {
        boolean hadControl = report.getConsentTimelineList().stream().anyMatch(c ->
                c.getCapability() == Capability.CONTROL_INPUT && c.getKind() == ConsentChange.Kind.GRANTED);
        return FileReport.newBuilder().setReport(report.toBuilder().clearDiagnostics()).setHadControl(hadControl).build();
    }

    @Override
    public String save(SessionReport report) throws IOException {
        String kept = local == null ? "" : local.save(report);
        try {
            ReportFiled filed = file(report);
            if (local != null) {
                local.noLongerUnfiled(report.getReportId());
            }
            return (kept.isEmpty() ? "" : kept + "; ") + "relay: session " + filed.getSupportSessionId();
        } catch (IOException e) {
            throw new IOException((kept.isEmpty() ? "" : "kept in " + kept + "; ") + "not stored on the relay: "
                    + e.getMessage(), e);
        }
    }

    /** What filing the reports kept on this computer did: how many went in, and which the relay will never take. */
    public record Upload(int filed, List<String> refused, int waiting, String problem, java.nio.file.Path folder) {
        /** Whether there is anything to tell the technician. */
        public boolean worthSaying() {
            return filed > 0 || !refused.isEmpty() || waiting > 0;
        }
    }

    /**
     * Files every report this computer kept but the team's records do not have yet (saved while
     * not signed in, or while the relay could not be reached), oldest first; call off the FX
     * thread after a sign-in. A report the relay refuses for good (it does not know this
     * technician ran the session: joined without signing in) stays on this computer only and is
     * not offered again; when the relay cannot be reached, the rest wait for the next sign-in.
     */
    public Upload fileUnfiled() {
        if (local == null) {
            return new Upload(0, List.of(), 0, "", null);
        }
        List<String> ids;
        try {
            ids = local.unfiled();
        } catch (IOException e) {
            return new Upload(0, List.of(), 0, String.valueOf(e.getMessage()), local.dir());
        }
        int filed = 0;
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            SessionReport report;
            try {
                report = local.load(id);
            } catch (IOException | RuntimeException e) {
                // A damaged or vanished file can never be filed, and must not hold up the others.
                refused.add(id);
                continue;
            }
            try {
                file(report);
                local.noLongerUnfiled(id);
                filed++;
            } catch (IOException e) {
                if (e.getCause() instanceof TeamRequests.RequestFailedException rf
                        && (rf.code() == ErrorCode.FORBIDDEN || rf.code() == ErrorCode.INVALID_REQUEST)) {
                    refused.add(id);
                    try {
                        local.noLongerUnfiled(id);
                    } catch (IOException ignored) {
                        // offered again next time; the relay refuses again
                    }
                } else {
                    return new Upload(filed, refused, ids.size() - i, String.valueOf(e.getMessage()), local.dir());
                }
            }
        }
        return new Upload(filed, refused, 0, "", local.dir());
    }

    public FileReportStore local() {
        return local;
    }

    /** Files the report on the relay (blocking, at most {@link #TIMEOUT_SECONDS}). */
    public ReportFiled file(SessionReport report) throws IOException {
        String token = sessionToken.get();
        if (token == null || token.isEmpty()) {
            throw new IOException("not signed in");
        }
        // Its own network thread: callers may be on a session's (headless mode ends there), and
        // waiting on a connection served by the waiting thread itself would never finish.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lifeline-report", true),
                NioIoHandler.newFactory());
        TeamRequests requests = null;
        try {
            requests = TeamRequests.open(group.next(), endpoint, token).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            RelayFrame answer = requests.request(RelayFrame.newBuilder().setFileReport(forRelay(report)).build())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!answer.hasReportFiled()) {
                throw new IOException("unexpected answer " + answer.getBodyCase());
            }
            return answer.getReportFiled();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the relay did not answer in " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (requests != null) {
                requests.close();
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public List<SessionReport> recent(int limit) throws IOException {
        return local == null ? List.of() : local.recent(limit);
    }
}
