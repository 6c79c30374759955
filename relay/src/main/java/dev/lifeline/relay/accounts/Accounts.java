package dev.lifeline.relay.accounts;

import dev.lifeline.relay.accounts.AccountStore.Credentials;
import dev.lifeline.relay.accounts.AccountStore.DuplicateAccountException;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.Database;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Account rules in one place, for the command line and for the relay's sign-in: create, disable,
 * reset, sign in with lockout and optional TOTP, resume with a token, sign out. Every change and
 * every sign-in attempt goes to the audit log. Blocking (Argon2 and JDBC): never call it on a
 * network event loop.
 */
public final class Accounts {
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final AuditLog audit;
    private final Lockout lockout;
    private final Clock clock;
    /** Checked when the name is unknown, so a missing account costs as much time as a wrong password. */
    private volatile String dummyHash;

    public Accounts(Database database, AuditLog audit, Clock clock, PasswordHasher.Parameters hashing,
                    Lockout lockout, Duration tokenLifetime) throws SQLException {
        SecureRandom random = new SecureRandom();
        this.store = new AccountStore(database);
        this.hasher = new PasswordHasher(hashing, random);
        this.tokens = new SessionTokens(database, clock, tokenLifetime, random);
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Production settings: Argon2id at 19 MiB, 5 free attempts, one-hour tokens. */
    public static Accounts withDefaults(Database database, AuditLog audit, Clock clock) throws SQLException {
        return new Accounts(database, audit, clock, PasswordHasher.DEFAULT, Lockout.DEFAULT, SessionTokens.DEFAULT_LIFETIME);
    }

    public AccountStore store() {
        return store;
    }

    public SessionTokens tokens() {
        return tokens;
    }

    /** Creates an account after checking the password policy. {@code actor} is who asked (for the audit log). */
    public Account add(String actor, String name, AccountRole role, char[] password)
            throws SQLException, DuplicateAccountException, WeakPasswordException {
        String clean = AccountStore.validName(name);
        List<String> problems = PasswordPolicy.problems(clean, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        Account account = store.create(clean, role, hasher.hash(password), clock.millis());
        audit.append(actor, "account.add", clean + " as " + role.label());
        return account;
    }

    public boolean disable(String actor, String name) throws SQLException {
        Optional<Account> account = store.find(name);
        if (account.isEmpty() || !store.setDisabled(name, true)) {
            return false;
        }
        tokens.revokeAll(account.get().id());
        audit.append(actor, "account.disable", name);
        return true;
    }

    public boolean enable(String actor, String name) throws SQLException {
        if (!store.setDisabled(name, false)) {
            return false;
        }
        audit.append(actor, "account.enable", name);
        return true;
    }

    /** New password (policy-checked); clears the lockout and ends the account's sign-ins. */
    public boolean resetPassword(String actor, String name, char[] password) throws SQLException, WeakPasswordException {
        Optional<Account> account = store.find(name);
        if (account.isEmpty()) {
            return false;
        }
        List<String> problems = PasswordPolicy.problems(name, password);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        store.setPasswordHash(name, hasher.hash(password));
        tokens.revokeAll(account.get().id());
        audit.append(actor, "account.reset-password", name);
        return true;
    }

    /** Turns on TOTP for {@code name}; returns the Base32 secret to give the person (once). */
    public Optional<String> enableTotp(String actor, String name) throws SQLException {
        String secret = Totp.newSecret(new SecureRandom());
        if (!store.setTotpSecret(name, secret)) {
            return Optional.empty();
        }
        audit.append(actor, "account.totp-on", name);
        return Optional.of(secret);
    }

    /** An unconfirmed authenticator secret lapses after this long. */
    public static final java.time.Duration TOTP_ENROLMENT_TIME = java.time.Duration.ofMinutes(10);

    /**
     * Starts TOTP enrolment for {@code name} (Console, admins): a new secret that waits for its
     * first code ({@link #confirmTotp}); sign-in does not ask for codes until then. Empty when
     * there is no such account. The secret is for the person's authenticator app, shown once.
     */
    public Optional<String> beginTotp(String actor, String name) throws SQLException {
        String secret = Totp.newSecret(new SecureRandom());
        if (!store.setPendingTotp(name, secret, clock.millis() + TOTP_ENROLMENT_TIME.toMillis())) {
            return Optional.empty();
        }
        audit.append(actor, "account.totp-begin", name);
        return Optional.of(secret);
    }

    /** The code from the authenticator app proves the secret arrived: TOTP is on. False: wrong code or lapsed. */
    public boolean confirmTotp(String actor, String name, String code) throws SQLException {
        long now = clock.millis();
        Optional<String> pending = store.pendingTotp(name, now);
        if (pending.isEmpty() || code == null || !Totp.verify(pending.get(), code.strip(), now / 1000)) {
            return false;
        }
        if (!store.activatePendingTotp(name, pending.get())) {
            return false;
        }
        audit.append(actor, "account.totp-on", name);
        return true;
    }

    public List<Account> list() throws SQLException {
        return store.list();
    }

    /** Name, password and (when the account has TOTP) the current code. */
    public SignInResult signIn(String name, char[] password, String totpCode, String from) throws SQLException {
        long now = clock.millis();
        Optional<Credentials> found = store.credentials(name);
        if (found.isEmpty()) {
            PasswordHasher.verify(password, dummyHash());
            audit.append(safe(name), "signin.failed", "unknown account from " + from);
            return SignInResult.failed(SignInResult.Failure.BAD_CREDENTIALS, 0);
        }
        Credentials credentials = found.get();
        Account account = credentials.account();
        if (account.lockedUntilMs() > now) {
            audit.append(account.name(), "signin.locked", "from " + from);
            return SignInResult.failed(SignInResult.Failure.LOCKED, account.lockedUntilMs() - now);
        }
        boolean passwordOk = PasswordHasher.verify(password, credentials.passwordHash());
        if (passwordOk && credentials.totpSecret() != null && (totpCode == null || totpCode.isBlank())) {
            return SignInResult.failed(SignInResult.Failure.SECOND_FACTOR_REQUIRED, 0);
        }
        boolean secondOk = credentials.totpSecret() == null
                || Totp.verify(credentials.totpSecret(), totpCode, now / 1000);
        if (!passwordOk || !secondOk) {
            int failures = account.failedAttempts() + 1;
            long lockedUntil = lockout.lockedUntil(failures, now);
            store.recordFailure(account.id(), failures, lockedUntil);
            audit.append(account.name(), "signin.failed", (passwordOk ? "wrong second factor" : "wrong password")
                    + " from " + from + (lockedUntil > 0 ? ", locked" : ""));
            return lockedUntil > 0
                    ? SignInResult.failed(SignInResult.Failure.LOCKED, lockedUntil - now)
                    : SignInResult.failed(SignInResult.Failure.BAD_CREDENTIALS, 0);
        }
        if (account.disabled()) {
            audit.append(account.name(), "signin.disabled", "from " + from);
            return SignInResult.failed(SignInResult.Failure.DISABLED, 0);
        }
        store.clearFailures(account.id());
        SessionTokens.Issued token = tokens.issue(account.id());
        audit.append(account.name(), "signin", "from " + from);
        return SignInResult.success(store.find(account.id()).orElse(account), token);
    }

    /** Signs in a new connection with a still valid token (no password); the account must be enabled. */
    public Optional<Account> resume(String token) throws SQLException {
        Optional<SessionTokens.Claims> claims = tokens.validate(token);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        return store.find(claims.get().accountId()).filter(a -> !a.disabled());
    }

    /** Why a renewal was refused, or the fresh token (the old one is revoked). */
    public sealed interface Renewal permits Renewal.Renewed, Renewal.Refused {
        record Renewed(Account account, SessionTokens.Issued token) implements Renewal {
        }

        record Refused(boolean disabled) implements Renewal {
        }
    }

    /**
     * A fresh token for a sign-in whose token {@code tokenId} is still live, for an enabled account;
     * the old token is revoked so only one of the two works from now on.
     */
    public Renewal renew(String tokenId, long accountId) throws SQLException {
        if (!tokens.isLive(tokenId, accountId)) {
            return new Renewal.Refused(false);
        }
        Optional<Account> account = store.find(accountId);
        if (account.isEmpty() || account.get().disabled()) {
            tokens.revoke(tokenId);
            return new Renewal.Refused(true);
        }
        SessionTokens.Issued fresh = tokens.issue(accountId);
        tokens.revoke(tokenId);
        audit.append(account.get().name(), "signin.renew", "");
        return new Renewal.Renewed(account.get(), fresh);
    }

    public void signOut(String tokenId, String actor) throws SQLException {
        tokens.revoke(tokenId);
        audit.append(actor, "signout", "");
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("not-a-real-password-0".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    private static String safe(String name) {
        String s = name == null ? "" : name.strip();
        s = s.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
