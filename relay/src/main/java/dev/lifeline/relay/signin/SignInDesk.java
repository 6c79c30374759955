package dev.lifeline.relay.signin;

import com.google.protobuf.ByteString;
import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.wire.relay.AccountInfo;
import dev.lifeline.common.wire.relay.AccountReply;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.relay.SignInFailed;
import dev.lifeline.common.wire.relay.SignInFailure;
import dev.lifeline.common.wire.relay.SignedIn;
import dev.lifeline.common.wire.relay.TokenRenewed;
import dev.lifeline.relay.accounts.Account;
import dev.lifeline.relay.accounts.AccountRole;
import dev.lifeline.relay.accounts.AccountStore;
import dev.lifeline.relay.accounts.Accounts;
import dev.lifeline.relay.accounts.SessionTokens;
import dev.lifeline.relay.accounts.SignInResult;
import dev.lifeline.relay.accounts.WeakPasswordException;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.frames.Replies;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.pairing.LobbyConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in over the relay connection and account administration for admins. Argon2 and JDBC run
 * on the team server's blocking executor, never on the event loop. On sign-in with a public key
 * the relay certifies it with the organisation CA, when it holds the CA key.
 */
public final class SignInDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SignInDesk.class);
    /** Certificates issued on sign-in are short-lived: a new one comes with every sign-in. */
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofHours(24);
    static final int MAX_PASSWORD = 256;

    private final Accounts accounts;
    private final OrganisationCa ca;
    private final AuditLog audit;
    private final Executor blocking;
    private final KeyedRateLimiter<String> perAddress;
    private final Clock clock;

    public SignInDesk(Accounts accounts, OrganisationCa caOrNull, AuditLog audit, Executor blocking, Clock clock) {
        this.accounts = accounts;
        this.ca = caOrNull;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
        this.perAddress = new KeyedRateLimiter<>(20, 20, clock);
    }

    public void signIn(LobbyConnection connection, SignIn request) {
        if (connection.role() != Role.TECHNICIAN) {
            connection.fatal(ErrorCode.UNEXPECTED_FRAME, "only the Console signs in");
            return;
        }
        if (request.getName().length() > 100 || request.getPassword().length() > MAX_PASSWORD
                || request.getTotpCode().length() > 10 || request.getSessionToken().length() > 200
                || !(request.getCertificatePublicKey().isEmpty() || request.getCertificatePublicKey().size() == 32)) {
            connection.reply(Replies.error(ErrorCode.INVALID_REQUEST, "sign-in fields too long or malformed"));
            return;
        }
        if (!perAddress.tryAcquire(connection.sourceAddress())) {
            connection.reply(failed(SignInFailure.SIGN_IN_LOCKED, "too many sign-ins from this address, wait a minute", 60_000));
            return;
        }
        blocking.execute(() -> {
            try {
                connection.reply(doSignIn(connection, request));
            } catch (Exception e) {
                LOG.error("sign-in failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.INTERNAL, "sign-in is unavailable right now"));
            }
        });
    }

    private RelayFrame doSignIn(LobbyConnection connection, SignIn request) throws Exception {
        Account account;
        SessionTokens.Issued token;
        if (!request.getSessionToken().isEmpty()) {
            Optional<Account> resumed = accounts.resume(request.getSessionToken());
            if (resumed.isEmpty()) {
                return failed(SignInFailure.SIGN_IN_TOKEN_INVALID, "the session expired or was ended; sign in again", 0);
            }
            account = resumed.get();
            token = accounts.tokens().issue(account.id());
            audit.append(account.name(), "signin.token", "from " + connection.sourceAddress());
        } else {
            char[] password = request.getPassword().toCharArray();
            SignInResult result = accounts.signIn(request.getName(), password, request.getTotpCode(), connection.sourceAddress());
            java.util.Arrays.fill(password, '\0');
            if (!result.succeeded()) {
                return switch (result.failure()) {
                    case SECOND_FACTOR_REQUIRED -> failed(SignInFailure.SIGN_IN_SECOND_FACTOR_REQUIRED, "enter the code from your authenticator app", 0);
                    case LOCKED -> failed(SignInFailure.SIGN_IN_LOCKED, "too many failed sign-ins; try again later", result.retryAfterMs());
                    case DISABLED -> failed(SignInFailure.SIGN_IN_DISABLED, "this account is disabled", 0);
                    default -> failed(SignInFailure.SIGN_IN_BAD_CREDENTIALS, "wrong name or password", 0);
                };
            }
            account = result.account();
            token = result.token();
        }
        SignedIn.Builder signedIn = SignedIn.newBuilder()
                .setSessionToken(token.token())
                .setTokenExpiresAtMs(token.claims().expiresAtMs())
                .setName(account.name())
                .setRole(wireRole(account.role()));
        if (ca != null && !request.getCertificatePublicKey().isEmpty()) {
            List<byte[]> chain = ca.certifyTechnicianKey(account.name(), request.getCertificatePublicKey().toByteArray(),
                    CERTIFICATE_VALIDITY, clock.instant());
            chain.forEach(der -> signedIn.addCertificateChain(ByteString.copyFrom(der)));
            audit.append(account.name(), "certificate.issue", "valid " + CERTIFICATE_VALIDITY.toHours() + " h");
        }
        SignedInAccount.set(connection.channel(), new SignedInAccount(account, token.claims().tokenId()));
        return RelayFrame.newBuilder().setSignedIn(signedIn).build();
    }

    /**
     * A fresh session token for this signed-in connection (the Console renews before expiry); a
     * revoked or expired sign-in and a disabled account are refused, and the connection's sign-in
     * is then over.
     */
    public void renew(LobbyConnection connection) {
        Optional<SignedInAccount> current = SignedInAccount.of(connection.channel());
        if (current.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.NOT_SIGNED_IN, "sign in first"));
            return;
        }
        blocking.execute(() -> {
            try {
                Accounts.Renewal renewal = accounts.renew(current.get().tokenId(), current.get().account().id());
                if (renewal instanceof Accounts.Renewal.Renewed renewed) {
                    SignedInAccount.set(connection.channel(), new SignedInAccount(renewed.account(), renewed.token().claims().tokenId()));
                    connection.reply(RelayFrame.newBuilder().setTokenRenewed(TokenRenewed.newBuilder()
                            .setSessionToken(renewed.token().token())
                            .setTokenExpiresAtMs(renewed.token().claims().expiresAtMs())).build());
                } else {
                    SignedInAccount.clear(connection.channel());
                    connection.reply(((Accounts.Renewal.Refused) renewal).disabled()
                            ? failed(SignInFailure.SIGN_IN_DISABLED, "this account is disabled", 0)
                            : failed(SignInFailure.SIGN_IN_TOKEN_INVALID, "the session expired or was ended; sign in again", 0));
                }
            } catch (Exception e) {
                LOG.error("token renewal failed internally: {}", e.toString());
                connection.reply(Replies.error(ErrorCode.INTERNAL, "renewing the sign-in is unavailable right now"));
            }
        });
    }

    /**
     * The person signed out: this connection's token is revoked (every connection that signed in
     * with it loses nothing it holds now, but the token opens nothing new) and the connection no
     * longer speaks for the account. Not signed in: nothing to do.
     */
    public void signOut(LobbyConnection connection) {
        Optional<SignedInAccount> current = SignedInAccount.of(connection.channel());
        if (current.isEmpty()) {
            return;
        }
        SignedInAccount.clear(connection.channel());
        blocking.execute(() -> {
            try {
                accounts.signOut(current.get().tokenId(), current.get().account().name());
            } catch (Exception e) {
                LOG.error("sign-out failed internally: {}", e.toString());
            }
        });
    }

    public void accountRequest(LobbyConnection connection, AccountRequest request) {
        Optional<SignedInAccount> admin = SignedInAccount.of(connection.channel())
                .filter(a -> a.account().role() == AccountRole.ADMIN);
        if (admin.isEmpty()) {
            connection.reply(Replies.error(ErrorCode.FORBIDDEN, "account administration needs an admin sign-in"));
            return;
        }
        String actor = admin.get().account().name();
        blocking.execute(() -> {
            AccountReply.Builder reply = AccountReply.newBuilder().setOk(true);
            try {
                switch (request.getOpCase()) {
                    case LIST -> { }
                    case ADD -> {
                        char[] password = request.getAdd().getPassword().toCharArray();
                        accounts.add(actor, request.getAdd().getName(), role(request.getAdd().getRoleValue()), password);
                        reply.setMessage("added " + request.getAdd().getName());
                    }
                    case DISABLE -> ok(reply, accounts.disable(actor, request.getDisable()), "disabled " + request.getDisable());
                    case ENABLE -> ok(reply, accounts.enable(actor, request.getEnable()), "enabled " + request.getEnable());
                    case RESET_PASSWORD -> ok(reply, accounts.resetPassword(actor, request.getResetPassword().getName(),
                            request.getResetPassword().getPassword().toCharArray()), "password reset");
                    case TOTP_BEGIN -> {
                        String name = request.getTotpBegin();
                        Optional<String> secret = name.length() > 100 ? Optional.empty() : accounts.beginTotp(actor, name);
                        ok(reply, secret.isPresent(), "enter the secret in the authenticator app, then confirm with a code");
                        secret.ifPresent(s -> reply.setTotpAccount(name).setTotpSecret(s)
                                .setOtpauthUri(dev.lifeline.relay.accounts.Totp.uri("Lifeline", name, s)));
                    }
                    case TOTP_CONFIRM -> {
                        String name = request.getTotpConfirm().getName();
                        String code = request.getTotpConfirm().getCode();
                        boolean on = name.length() <= 100 && code.length() <= 10 && accounts.confirmTotp(actor, name, code);
                        reply.setOk(on).setMessage(on ? "authenticator on for " + name
                                : "that code does not match (or the setup lapsed): check the app's clock or start again");
                    }
                    default -> throw new IllegalArgumentException("empty account request");
                }
            } catch (WeakPasswordException | AccountStore.DuplicateAccountException | IllegalArgumentException e) {
                reply.setOk(false).setMessage(e.getMessage());
            } catch (Exception e) {
                LOG.error("account request failed internally: {}", e.toString());
                reply.setOk(false).setMessage("account administration is unavailable right now");
            }
            try {
                long now = clock.millis();
                for (Account a : accounts.list()) {
                    reply.addAccounts(AccountInfo.newBuilder().setName(a.name()).setRole(wireRole(a.role()))
                            .setDisabled(a.disabled()).setLocked(a.lockedUntilMs() > now).setTotp(a.totpEnabled()));
                }
            } catch (Exception e) {
                LOG.error("listing accounts failed: {}", e.toString());
            }
            connection.reply(RelayFrame.newBuilder().setAccountReply(reply).build());
        });
    }

    private static void ok(AccountReply.Builder reply, boolean done, String message) {
        reply.setOk(done).setMessage(done ? message : "no such account");
    }

    private static AccountRole role(int wire) {
        return switch (wire) {
            case 2 -> AccountRole.LEAD;
            case 3 -> AccountRole.ADMIN;
            case 1 -> AccountRole.TECHNICIAN;
            default -> throw new IllegalArgumentException("choose a role");
        };
    }

    static dev.lifeline.common.wire.relay.AccountRole wireRole(AccountRole role) {
        return switch (role) {
            case TECHNICIAN -> dev.lifeline.common.wire.relay.AccountRole.ACCOUNT_TECHNICIAN;
            case LEAD -> dev.lifeline.common.wire.relay.AccountRole.ACCOUNT_LEAD;
            case ADMIN -> dev.lifeline.common.wire.relay.AccountRole.ACCOUNT_ADMIN;
        };
    }

    private static RelayFrame failed(SignInFailure reason, String message, long retryAfterMs) {
        return RelayFrame.newBuilder().setSignInFailed(SignInFailed.newBuilder()
                .setReason(reason).setMessage(message).setRetryAfterMs(retryAfterMs)).build();
    }
}
