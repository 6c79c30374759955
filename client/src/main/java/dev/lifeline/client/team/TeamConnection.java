package dev.lifeline.client.team;

import com.google.protobuf.ByteString;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.connection.RelayLink;
import dev.lifeline.common.identity.IdentityException;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.Close;
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
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The Console's connection to the team server: signs in (a fresh Ed25519 key pair whose public
 * half the relay certifies), then watches the live queue and, for admins, manages accounts.
 * Sessions themselves run on their own connections (picked with the session token). Events come
 * on the network thread.
 */
public final class TeamConnection implements AutoCloseable {
    public interface Listener {
        void signedIn(SignedInTechnician technician);

        void signInFailed(SignInFailure failure);

        void queue(List<WaitingCustomer> waiting, long relayTimeMs);

        default void accounts(AccountReply reply) {
        }

        /** A non-fatal error from the relay (e.g. an admin request refused). */
        default void error(String message) {
        }

        void closed(String why);
    }

    private final Listener listener;
    private final SecureRandom random = new SecureRandom();
    private volatile RelayLink link;
    private byte[] privateKey;
    private boolean signedIn;
    private boolean closing;

    private TeamConnection(Listener listener) {
        this.listener = listener;
    }

    /** Connects and signs in with name, password and (when the account has it) a TOTP code. */
    public static TeamConnection signIn(EventLoop loop, RelayEndpoint endpoint, String name, char[] password,
                                        String totpCode, Listener listener) {
        TeamConnection team = new TeamConnection(listener);
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

    /** Admins: list, add, disable, enable, reset; the answer comes to {@link Listener#accounts}. */
    public void accounts(AccountRequest request) {
        RelayLink current = link;
        if (current != null) {
            current.send(RelayFrame.newBuilder().setAccountRequest(request).build());
        }
    }

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
                case SIGN_IN_FAILED -> listener.signInFailed(failure(frame));
                case QUEUE_SNAPSHOT -> {
                    List<WaitingCustomer> waiting = new ArrayList<>();
                    frame.getQueueSnapshot().getItemsList().forEach(item -> waiting.add(WaitingCustomer.from(item)));
                    listener.queue(List.copyOf(waiting), frame.getQueueSnapshot().getRelayTimeMs());
                }
                case ACCOUNT_REPLY -> listener.accounts(frame.getAccountReply());
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
            send(RelayFrame.newBuilder().setQueueSubscribe(QueueSubscribe.getDefaultInstance()).build());
        }

        private void send(RelayFrame frame) {
            RelayLink current = link;
            if (current != null) {
                current.send(frame);
            }
        }

        @Override
        public void onClosed(Throwable cause) {
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
