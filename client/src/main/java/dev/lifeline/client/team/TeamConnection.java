package dev.lifeline.client.team;

import com.google.protobuf.ByteString;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.client.handover.HandoverEvent;
import dev.lifeline.client.handover.HandoverMessages;
import dev.lifeline.client.handover.HandoverOfferInfo;
import dev.lifeline.common.wire.relay.Close;
import dev.lifeline.common.wire.relay.HandoverAnswer;
import dev.lifeline.common.wire.relay.HandoverListen;
import dev.lifeline.common.wire.relay.CloseReason;
import dev.lifeline.common.wire.relay.QueueSubscribe;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.relay.SignedIn;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The Console's connection to the team server: signs in (a fresh Ed25519 key pair whose public
 * half the relay certifies), then watches the live queue and, for admins, manages accounts.
 * Sessions themselves run on their own connections (picked with the session token). Events come
 * on the network thread.
 */
public final class TeamConnection implements TeamLink {
    public interface Listener {
        void signedIn(SignedInTechnician technician);

        void signInFailed(SignInFailure failure);

        void queue(List<WaitingCustomer> waiting, long relayTimeMs);

        default void accounts(AccountReply reply) {
        }

        /** Issue 6: the signed-in technicians who can take a transfer or watch (including this one). */
        default void roster(List<String> technicians) {
        }

        /** Issue 6: another technician offers this one a session or invites it to watch. */
        default void offer(HandoverOfferInfo offer) {
        }

        /** Issue 6: the relay's answer about an offer this connection answered (e.g. declined, expired). */
        default void handover(HandoverEvent event) {
        }

        /**
         * The relay renewed the session token before it expired (the connection asks on its own,
         * at three quarters of the token's life); picks and joins use the new one from now on.
         */
        default void renewed(String sessionToken, long expiresAtMs) {
        }

        /** A non-fatal error from the relay (e.g. an admin request refused). */
        default void error(String message) {
        }

        void closed(String why);
    }

    /** More names than a team shows in one menu are cut. */
    static final int MAX_ROSTER = 500;
    private final Listener listener;
    private final SecureRandom random = new SecureRandom();
    private volatile RelayLink link;
    private byte[] privateKey;
    private volatile boolean signedIn;
    private boolean closing;
    /** The next renewal of the session token; rescheduled on every renewal. */
    private io.netty.util.concurrent.ScheduledFuture<?> renewal;
    /** Renew at this share of the token's remaining life; never sooner than MIN_RENEW_MS apart. */
    static final double RENEW_AT = 0.75;
    static final long MIN_RENEW_MS = 1_000;

    private final EventLoop loop;

    private TeamConnection(Listener listener, EventLoop loop) {
        this.listener = listener;
        this.loop = loop;
    }

    /** Connects and signs in with name, password and (when the account has it) a TOTP code. */
    public static TeamConnection signIn(EventLoop loop, RelayEndpoint endpoint, String name, char[] password,
                                        String totpCode, Listener listener) {
        TeamConnection team = new TeamConnection(listener, loop);
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(team.random);
        team.privateKey = key.getEncoded();
        SignIn signIn = SignIn.newBuilder().setName(name).setPassword(new String(password))
                .setTotpCode(totpCode == null ? "" : totpCode)
                .setCertificatePublicKey(ByteString.copyFrom(key.generatePublicKey().getEncoded())).build();
        RelayLink.connect(loop, endpoint, Role.TECHNICIAN, team.new Frames(signIn)).whenComplete((link, failure) -> {
            if (failure != null) {
                listener.signInFailed(new SignInFailure(SignInFailure.Kind.CONNECTION,
                        "cannot reach the relay: " + failure.getMessage(), 0));
                return;
            }
            team.link = link;
        });
        return team;
    }

    /**
     * Asks the relay whether it is a team server (its Welcome says so) and hangs up. Completes
     * with false when it is not, exceptionally when the relay cannot be reached.
     */
    public static CompletableFuture<Boolean> probe(EventLoop loop, RelayEndpoint endpoint) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        CompletableFuture<RelayLink> connected = new CompletableFuture<>();
        RelayLink.connect(loop, endpoint, Role.TECHNICIAN, new RelayLink.Listener() {
            @Override
            public void onFrame(RelayFrame frame) {
                if (frame.getBodyCase() == RelayFrame.BodyCase.WELCOME) {
                    answer.complete(frame.getWelcome().getTeamServer());
                    connected.thenAccept(link -> link.sendAndClose(RelayFrame.newBuilder().setClose(Close.newBuilder()
                            .setReason(CloseReason.ENDED_BY_TECHNICIAN)).build()));
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                answer.completeExceptionally(cause != null ? cause
                        : new java.io.IOException("the relay closed the connection"));
            }
        }).whenComplete((link, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                connected.complete(link);
            }
        });
        return answer;
    }

    /** Admins: list, add, disable, enable, reset; the answer comes to {@link Listener#accounts}. */
    public void accounts(AccountRequest request) {
        RelayLink current = link;
        if (current != null) {
            current.send(RelayFrame.newBuilder().setAccountRequest(request).build());
        }
    }

    /** Issue 6: says no to an offer; the offering technician keeps the session. */
    @Override
    public void decline(HandoverOfferInfo offer) {
        RelayLink current = link;
        if (current != null) {
            current.send(RelayFrame.newBuilder().setHandoverAnswer(HandoverAnswer.newBuilder()
                    .setOfferId(ByteString.copyFrom(offer.offerId())).setAccept(false)).build());
        }
    }

    /** The person signed out: the relay revokes this sign-in's token, then the connection closes. */
    @Override
    public void signOut() {
        RelayLink current = link;
        if (current != null && signedIn) {
            current.send(RelayFrame.newBuilder().setSignOut(dev.lifeline.common.wire.relay.SignOut.getDefaultInstance()).build());
        }
        close();
    }

    /** Closes this connection; its token stays valid (a headless sign-in hands it on to picks and reports). */
    @Override
    public void close() {
        closing = true;
        RelayLink current = link;
        if (current != null) {
            current.sendAndClose(RelayFrame.newBuilder().setClose(Close.newBuilder()
                    .setReason(CloseReason.ENDED_BY_TECHNICIAN)).build());
        }
    }

    private final class Frames implements RelayLink.Listener {
        private final SignIn signIn;

        Frames(SignIn signIn) {
            this.signIn = signIn;
        }

        @Override
        public void onFrame(RelayFrame frame) {
            switch (frame.getBodyCase()) {
                case WELCOME -> send(RelayFrame.newBuilder().setSignIn(signIn).build());
                case SIGNED_IN -> onSignedIn(frame.getSignedIn());
                case TOKEN_RENEWED -> {
                    listener.renewed(frame.getTokenRenewed().getSessionToken(), frame.getTokenRenewed().getTokenExpiresAtMs());
                    scheduleRenewal(frame.getTokenRenewed().getTokenExpiresAtMs());
                }
                case SIGN_IN_FAILED -> listener.signInFailed(failure(frame));
                case QUEUE_SNAPSHOT -> {
                    List<WaitingCustomer> waiting = new ArrayList<>();
                    frame.getQueueSnapshot().getItemsList().forEach(item -> waiting.add(WaitingCustomer.from(item)));
                    listener.queue(List.copyOf(waiting), frame.getQueueSnapshot().getRelayTimeMs());
                }
                case ACCOUNT_REPLY -> listener.accounts(frame.getAccountReply());
                case HANDOVER_ROSTER -> listener.roster(List.copyOf(frame.getHandoverRoster().getTechniciansList()
                        .stream().limit(MAX_ROSTER).toList()));
                case HANDOVER_OFFER -> HandoverMessages.offer(frame.getHandoverOffer()).ifPresent(listener::offer);
                case HANDOVER_STATUS -> listener.handover(HandoverMessages.event(frame.getHandoverStatus()));
                case ERROR -> {
                    if (frame.getError().getFatal()) {
                        listener.closed(frame.getError().getMessage());
                    } else if (!signedIn) {
                        listener.signInFailed(new SignInFailure(SignInFailure.Kind.NOT_AVAILABLE, frame.getError().getMessage(), 0));
                    } else {
                        listener.error(frame.getError().getMessage());
                    }
                }
                default -> { }
            }
        }

        private void onSignedIn(SignedIn signedInFrame) {
            TechnicianIdentity identity = null;
            if (signedInFrame.getCertificateChainCount() > 0) {
                List<byte[]> chain = new ArrayList<>();
                signedInFrame.getCertificateChainList().forEach(der -> chain.add(der.toByteArray()));
                try {
                    identity = TechnicianIdentity.fromKeyAndChain(privateKey, chain);
                } catch (IdentityException e) {
                    identity = null;
                }
            }
            Arrays.fill(privateKey, (byte) 0);
            signedIn = true;
            String role = switch (signedInFrame.getRole()) {
                case ACCOUNT_ADMIN -> "admin";
                case ACCOUNT_LEAD -> "lead";
                default -> "technician";
            };
            listener.signedIn(new SignedInTechnician(signedInFrame.getName(), role, signedInFrame.getSessionToken(),
                    signedInFrame.getTokenExpiresAtMs(), identity));
            scheduleRenewal(signedInFrame.getTokenExpiresAtMs());
            send(RelayFrame.newBuilder().setQueueSubscribe(QueueSubscribe.getDefaultInstance()).build());
            // Issue 6: be reachable for transfers and watch invitations, and see who else is.
            send(RelayFrame.newBuilder().setHandoverListen(HandoverListen.getDefaultInstance()).build());
        }

        /**
         * Asks for a fresh token at three quarters of this one's remaining life (by this machine's
         * clock; a skewed clock only makes the renewal early or late within the token's life).
         */
        private void scheduleRenewal(long expiresAtMs) {
            if (closing) {
                return;
            }
            if (renewal != null) {
                renewal.cancel(false);
            }
            long delay = Math.max(MIN_RENEW_MS, (long) ((expiresAtMs - System.currentTimeMillis()) * RENEW_AT));
            renewal = loop.schedule(() -> {
                if (!closing) {
                    send(RelayFrame.newBuilder().setRenewToken(dev.lifeline.common.wire.relay.RenewToken.getDefaultInstance()).build());
                }
            }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void send(RelayFrame frame) {
            RelayLink current = link;
            if (current != null) {
                current.send(frame);
            }
        }

        @Override
        public void onClosed(Throwable cause) {
            if (renewal != null) {
                renewal.cancel(false);
            }
            if (!closing) {
                listener.closed(cause == null ? "the relay closed the connection" : cause.getMessage());
            }
        }
    }

    private static SignInFailure failure(RelayFrame frame) {
        var failed = frame.getSignInFailed();
        SignInFailure.Kind kind = switch (failed.getReason()) {
            case SIGN_IN_SECOND_FACTOR_REQUIRED -> SignInFailure.Kind.SECOND_FACTOR_REQUIRED;
            case SIGN_IN_LOCKED -> SignInFailure.Kind.LOCKED;
            case SIGN_IN_DISABLED -> SignInFailure.Kind.DISABLED;
            case SIGN_IN_TOKEN_INVALID -> SignInFailure.Kind.TOKEN_INVALID;
            case SIGN_IN_NOT_AVAILABLE -> SignInFailure.Kind.NOT_AVAILABLE;
            default -> SignInFailure.Kind.BAD_CREDENTIALS;
        };
        return new SignInFailure(kind, failed.getMessage().toLowerCase(Locale.ROOT).isEmpty()
                ? kind.name() : failed.getMessage(), failed.getRetryAfterMs());
    }
}
