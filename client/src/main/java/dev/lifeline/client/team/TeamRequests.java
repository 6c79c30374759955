package dev.lifeline.client.team;

import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to the team server signed in with a session token, for request and answer: report
 * filing and the lead's review requests. The relay handles one frame after the other and answers
 * each in order, so answers (and typed errors) are matched to requests first in, first out.
 * Futures complete on the network thread.
 */
public final class TeamRequests implements AutoCloseable {
    /** The relay refused a request (or the connection): its typed code and words for the person. */
    public static final class RequestFailedException extends RuntimeException {
        private final ErrorCode code;

        public RequestFailedException(ErrorCode code, String message) {
            super(message);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** At most this many requests wait for answers; more are refused at once (no unbounded queue). */
    static final int MAX_PENDING = 16;

    private final EventLoop loop;
    private final Deque<CompletableFuture<RelayFrame>> pending = new ArrayDeque<>();
    private final CompletableFuture<TeamRequests> opened = new CompletableFuture<>();
    private volatile RelayLink link;
    private boolean signedIn;
    private boolean closed;

    private TeamRequests(EventLoop loop) {
        this.loop = loop;
    }

    /** Connects and signs in with {@code sessionToken}; completes when signed in. */
    public static CompletableFuture<TeamRequests> open(EventLoop loop, RelayEndpoint endpoint, String sessionToken) {
        TeamRequests requests = new TeamRequests(loop);
        RelayLink.connect(loop, endpoint, Role.TECHNICIAN, requests.new Frames(sessionToken)).whenComplete((link, failure) -> {
            if (failure != null) {
                requests.opened.completeExceptionally(new RequestFailedException(ErrorCode.ERROR_CODE_UNSPECIFIED,
                        "cannot reach the relay: " + failure.getMessage()));
            } else {
                requests.link = link;
            }
        });
        return requests.opened;
    }

    /** Sends {@code request}; the future gets the relay's answer or fails with {@link RequestFailedException}. */
    public CompletableFuture<RelayFrame> request(RelayFrame request) {
        CompletableFuture<RelayFrame> answer = new CompletableFuture<>();
        loop.execute(() -> {
            RelayLink current = link;
            if (closed || !signedIn || current == null || !current.isOpen()) {
                answer.completeExceptionally(new RequestFailedException(ErrorCode.PEER_GONE, "not connected to the relay"));
                return;
            }
            if (pending.size() >= MAX_PENDING) {
                answer.completeExceptionally(new RequestFailedException(ErrorCode.CAPACITY, "too many requests at once"));
                return;
            }
            pending.add(answer);
            current.send(request);
        });
        return answer;
    }

    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            failAll("closed");
            RelayLink current = link;
            if (current != null && current.isOpen()) {
                current.sendAndClose(RelayFrame.newBuilder().setClose(Close.newBuilder()
                        .setReason(CloseReason.ENDED_BY_TECHNICIAN)).build());
            }
        });
    }

    private void failAll(String why) {
        CompletableFuture<RelayFrame> next;
        while ((next = pending.poll()) != null) {
            next.completeExceptionally(new RequestFailedException(ErrorCode.PEER_GONE, why));
        }
    }

    private final class Frames implements RelayLink.Listener {
        private final String token;

        Frames(String token) {
            this.token = token;
        }

        @Override
        public void onFrame(RelayFrame frame) {
            switch (frame.getBodyCase()) {
                case WELCOME -> link().send(RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setSessionToken(token)).build());
                case SIGNED_IN -> {
                    signedIn = true;
                    opened.complete(TeamRequests.this);
                }
                case SIGN_IN_FAILED -> {
                    opened.completeExceptionally(new RequestFailedException(ErrorCode.NOT_SIGNED_IN,
                            frame.getSignInFailed().getMessage()));
                    link().close();
                }
                case ERROR -> {
                    RequestFailedException failure = new RequestFailedException(frame.getError().getCode(),
                            frame.getError().getMessage());
                    if (!signedIn) {
                        opened.completeExceptionally(failure);
                    } else if (frame.getError().getFatal()) {
                        failAll(frame.getError().getMessage());
                    } else {
                        CompletableFuture<RelayFrame> head = pending.poll();
                        if (head != null) {
                            head.completeExceptionally(failure);
                        }
                    }
                }
                case PONG, PING, QUEUE_SNAPSHOT, QUEUE_STATUS, RECORDING_NOTICE -> { }
                default -> {
                    CompletableFuture<RelayFrame> head = pending.poll();
                    if (head != null) {
                        head.complete(frame);
                    }
                }
            }
        }

        private RelayLink link() {
            return link;
        }

        @Override
        public void onClosed(Throwable cause) {
            closed = true;
            opened.completeExceptionally(new RequestFailedException(ErrorCode.PEER_GONE, "the relay closed the connection"));
            failAll("the relay closed the connection");
        }
    }
}
