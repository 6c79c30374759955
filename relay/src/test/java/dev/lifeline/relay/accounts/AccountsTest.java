package dev.lifeline.relay.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.accounts.SignInResult.Failure;
import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.TestDatabases;
import dev.lifeline.relay.database.TestDatabases.Backend;
import dev.lifeline.relay.database.TestDatabases.TestDatabase;
import dev.lifeline.relay.limits.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Account rules against H2 and the real PostgreSQL: sign-in, lockout with back-off, TOTP, tokens. */
class AccountsTest {
    static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(1024, 1, 1);
    static final char[] GOOD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private Accounts accounts(TestDatabase db, MutableClock clock) throws Exception {
        return new Accounts(db.database(), new AuditLog(db.database(), clock), clock, FAST, Lockout.DEFAULT,
                Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void addSignInAndListAccounts(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, GOOD.clone());
            assertThrows(AccountStore.DuplicateAccountException.class,
                    () -> accounts.add("cli", "Alice Meyer", AccountRole.ADMIN, GOOD.clone()));
            assertThrows(WeakPasswordException.class,
                    () -> accounts.add("cli", "Bob", AccountRole.ADMIN, "password1234".toCharArray()));

            SignInResult ok = accounts.signIn("Alice Meyer", GOOD.clone(), null, "test");
            assertTrue(ok.succeeded());
            assertEquals(AccountRole.TECHNICIAN, ok.account().role());
            assertEquals("Alice Meyer", accounts.resume(ok.token().token()).orElseThrow().name());
            assertEquals(Failure.BAD_CREDENTIALS, accounts.signIn("Alice Meyer", "wrong password!!".toCharArray(), null, "t").failure());
            // An unknown name fails exactly like a wrong password.
            assertEquals(Failure.BAD_CREDENTIALS, accounts.signIn("Nobody", GOOD.clone(), null, "t").failure());
            assertEquals(1, accounts.list().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lockoutBacksOffAndAResetClearsIt(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "alice", AccountRole.TECHNICIAN, GOOD.clone());
            for (int i = 0; i < 4; i++) {
                assertEquals(Failure.BAD_CREDENTIALS, accounts.signIn("alice", "not the password".toCharArray(), null, "t").failure());
            }
            SignInResult fifth = accounts.signIn("alice", "not the password".toCharArray(), null, "t");
            assertEquals(Failure.LOCKED, fifth.failure());
            assertEquals(30_000, fifth.retryAfterMs());
            // Locked: even the right password is refused without being checked.
            assertEquals(Failure.LOCKED, accounts.signIn("alice", GOOD.clone(), null, "t").failure());
            clock.advance(Duration.ofSeconds(31));
            SignInResult sixth = accounts.signIn("alice", "not the password".toCharArray(), null, "t");
            assertEquals(Failure.LOCKED, sixth.failure());
            assertEquals(60_000, sixth.retryAfterMs(), "each further failure doubles the lock");
            clock.advance(Duration.ofSeconds(61));
            assertTrue(accounts.signIn("alice", GOOD.clone(), null, "t").succeeded());
            // Success cleared the count: four more failures do not lock.
            for (int i = 0; i < 4; i++) {
                assertEquals(Failure.BAD_CREDENTIALS, accounts.signIn("alice", "not the password".toCharArray(), null, "t").failure());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tokensExpireAndAreRevokedByDisableAndReset(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "alice", AccountRole.TECHNICIAN, GOOD.clone());
            String first = accounts.signIn("alice", GOOD.clone(), null, "t").token().token();
            clock.advance(Duration.ofMinutes(16));
            assertTrue(accounts.resume(first).isEmpty(), "expired after 15 minutes");

            String second = accounts.signIn("alice", GOOD.clone(), null, "t").token().token();
            String forged = second.substring(0, second.length() - 3) + (second.endsWith("AAA") ? "BBB" : "AAA");
            assertTrue(accounts.resume(forged).isEmpty(), "a changed signature is refused");
            String otherAccount = second.replaceFirst("\\.\\d+\\.", ".999.");
            assertTrue(accounts.resume(otherAccount).isEmpty(), "a changed account id breaks the signature");
            assertTrue(accounts.resume(second).isPresent());
            accounts.resetPassword("cli", "alice", "tram-Gusto-57-melon".toCharArray());
            assertTrue(accounts.resume(second).isEmpty(), "a password reset ends every sign-in");

            String third = accounts.signIn("alice", "tram-Gusto-57-melon".toCharArray(), null, "t").token().token();
            SessionTokens.Claims claims = accounts.tokens().validate(third).orElseThrow();
            accounts.signOut(claims.tokenId(), "alice");
            assertTrue(accounts.resume(third).isEmpty(), "signed out");

            String fourth = accounts.signIn("alice", "tram-Gusto-57-melon".toCharArray(), null, "t").token().token();
            assertTrue(accounts.disable("cli", "alice"));
            assertTrue(accounts.resume(fourth).isEmpty(), "disabling ends every sign-in");
            assertEquals(Failure.DISABLED, accounts.signIn("alice", "tram-Gusto-57-melon".toCharArray(), null, "t").failure());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void totpIsRequiredOnceEnabled(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "alice", AccountRole.LEAD, GOOD.clone());
            String secret = accounts.enableTotp("cli", "alice").orElseThrow();
            assertEquals(Failure.SECOND_FACTOR_REQUIRED, accounts.signIn("alice", GOOD.clone(), null, "t").failure());
            String code = Totp.code(new Base32().decode(secret), clock.millis() / 1000, 6, "HmacSHA1");
            String wrong = code.equals("000000") ? "111111" : "000000";
            assertEquals(Failure.BAD_CREDENTIALS, accounts.signIn("alice", GOOD.clone(), wrong, "t").failure());
            assertTrue(accounts.signIn("alice", GOOD.clone(), code, "t").succeeded());
            assertFalse(accounts.list().get(0).totpEnabled() == false);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void renewalGivesAFreshTokenAndRefusesEndedSignInsAndDisabledAccounts(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, GOOD.clone());
            SignInResult signedIn = accounts.signIn("Alice Meyer", GOOD.clone(), null, "test");
            SessionTokens.Claims first = signedIn.token().claims();

            clock.advance(Duration.ofMinutes(12));
            Accounts.Renewal.Renewed renewed = (Accounts.Renewal.Renewed) accounts.renew(first.tokenId(), first.accountId());
            assertEquals(clock.millis() + Duration.ofMinutes(15).toMillis(), renewed.token().claims().expiresAtMs());
            assertTrue(accounts.resume(renewed.token().token()).isPresent());
            assertTrue(accounts.resume(signedIn.token().token()).isEmpty(), "the renewed token is revoked");
            assertEquals(new Accounts.Renewal.Refused(false), accounts.renew(first.tokenId(), first.accountId()),
                    "a token renews once");

            // Past the fresh token's 15 minutes it is too late: sign in again.
            clock.advance(Duration.ofMinutes(16));
            SessionTokens.Claims second = renewed.token().claims();
            assertEquals(new Accounts.Renewal.Refused(false), accounts.renew(second.tokenId(), second.accountId()));

            SignInResult again = accounts.signIn("Alice Meyer", GOOD.clone(), null, "test");
            accounts.signOut(again.token().claims().tokenId(), "Alice Meyer");
            assertEquals(new Accounts.Renewal.Refused(false),
                    accounts.renew(again.token().claims().tokenId(), again.token().claims().accountId()), "signed out");

            SignInResult third = accounts.signIn("Alice Meyer", GOOD.clone(), null, "test");
            SessionTokens.Claims claims = third.token().claims();
            assertEquals(new Accounts.Renewal.Refused(false), accounts.renew(claims.tokenId(), claims.accountId() + 1),
                    "a token id renews only for its own account");
            // Disabled (e.g. straight in the database by another node) while the token still lives.
            accounts.store().setDisabled("Alice Meyer", true);
            assertEquals(new Accounts.Renewal.Refused(true), accounts.renew(claims.tokenId(), claims.accountId()));
            assertTrue(accounts.resume(third.token().token()).isEmpty(), "and that sign-in is over");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void totpEnrolmentTurnsOnOnlyAfterACodeFromTheNewSecret(Backend backend) throws Exception {
        MutableClock clock = new MutableClock();
        try (TestDatabase db = TestDatabases.open(backend, dir)) {
            Accounts accounts = accounts(db, clock);
            accounts.add("cli", "Alice Meyer", AccountRole.TECHNICIAN, GOOD.clone());
            assertTrue(accounts.beginTotp("root", "Nobody").isEmpty());
            String secret = accounts.beginTotp("root", "Alice Meyer").orElseThrow();
            // Not on yet: sign-in asks for no code while the person sets up the app.
            assertTrue(accounts.signIn("Alice Meyer", GOOD.clone(), null, "t").succeeded());
            byte[] key = new org.apache.commons.codec.binary.Base32().decode(secret);
            long now = clock.millis() / 1000;
            String right = Totp.code(key, now, Totp.DIGITS, "HmacSHA1");
            String wrong = right.equals("000000") ? "111111" : "000000";
            assertFalse(accounts.confirmTotp("root", "Alice Meyer", wrong));
            assertFalse(accounts.list().get(0).totpEnabled());
            assertTrue(accounts.confirmTotp("root", "Alice Meyer", right));
            assertTrue(accounts.list().get(0).totpEnabled());
            assertEquals(Failure.SECOND_FACTOR_REQUIRED, accounts.signIn("Alice Meyer", GOOD.clone(), null, "t").failure());
            assertTrue(accounts.signIn("Alice Meyer", GOOD.clone(), Totp.code(key, clock.millis() / 1000, Totp.DIGITS, "HmacSHA1"), "t")
                    .succeeded());
            assertFalse(accounts.confirmTotp("root", "Alice Meyer", right), "the pending secret is used up");

            // A setup nobody confirms lapses; the old secret stays in force.
            String second = accounts.beginTotp("root", "Alice Meyer").orElseThrow();
            clock.advance(Accounts.TOTP_ENROLMENT_TIME.plusSeconds(1));
            byte[] secondKey = new org.apache.commons.codec.binary.Base32().decode(second);
            assertFalse(accounts.confirmTotp("root", "Alice Meyer",
                    Totp.code(secondKey, clock.millis() / 1000, Totp.DIGITS, "HmacSHA1")));
            assertTrue(accounts.signIn("Alice Meyer", GOOD.clone(), Totp.code(key, clock.millis() / 1000, Totp.DIGITS, "HmacSHA1"), "t")
                    .succeeded());
        }
    }
}
