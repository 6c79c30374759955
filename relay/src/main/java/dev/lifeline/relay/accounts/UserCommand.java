package dev.lifeline.relay.accounts;

import dev.lifeline.relay.audit.AuditLog;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.database.DatabaseOptions;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lifeline relay user …}: accounts, run on the relay host (actor "cli" in the audit log). */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Technician, lead and admin accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
                UserCommand.Enable.class, UserCommand.ResetPassword.class, UserCommand.EnableTotp.class,
                UserCommand.SetupToken.class})
public final class UserCommand {
    static final String ACTOR = "cli";

    private UserCommand() {
    }

    static Accounts accounts(Database db) throws Exception {
        return Accounts.withDefaults(db, new AuditLog(db, Clock.systemUTC()), Clock.systemUTC());
    }

    static char[] password(Path file, String what) throws Exception {
        if (file != null) {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for " + what + "; use --password-file");
        }
        char[] once = console.readPassword("%s: ", what);
        char[] twice = console.readPassword("Same again: ");
        boolean same = Arrays.equals(once, twice);
        Arrays.fill(twice, '\0');
        if (!same) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return once;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account. The first admin needs the one-time token from `user setup-token`"
                    + " (or printed by the relay's first start).")
    static final class Add implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Option(names = "--name", required = true, description = "Account name (also the name customers see).") String name;
        @Option(names = "--role", defaultValue = "technician", description = "technician, lead or admin (default: ${DEFAULT-VALUE}).") String role;
        @Option(names = "--password-file", paramLabel = "FILE", description = "First line: the password (else asked).") Path passwordFile;
        @Option(names = "--setup-token", paramLabel = "TOKEN", description = "One-time token, required for the first admin.") String setupToken;

        @Override
        public Integer call() throws Exception {
            AccountRole accountRole = AccountRole.parse(role);
            try (Database db = database.open()) {
                Accounts accounts = accounts(db);
                if (!accounts.store().anyAdmin() && accountRole != AccountRole.ADMIN) {
                    System.err.println("error: create the first admin first (--role admin --setup-token …)");
                    return 1;
                }
                if (!accounts.store().anyAdmin()) {
                    if (!new SetupTokens(db, Clock.systemUTC()).consume(setupToken)) {
                        System.err.println("error: the first admin needs a valid one-time --setup-token;"
                                + " make one with `lifeline relay user setup-token`");
                        return 1;
                    }
                }
                char[] password = password(passwordFile, "Password for " + name);
                try {
                    Account account = accounts.add(ACTOR, name, accountRole, password);
                    System.out.println("added " + account.name() + " (" + account.role().label() + ")");
                    return 0;
                } catch (WeakPasswordException e) {
                    System.err.println("error: " + e.getMessage());
                    return 1;
                } catch (AccountStore.DuplicateAccountException e) {
                    System.err.println("error: " + e.getMessage());
                    return 1;
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                long now = System.currentTimeMillis();
                System.out.printf("%-30s %-10s %-9s %-5s %s%n", "NAME", "ROLE", "STATE", "TOTP", "CREATED");
                for (Account a : accounts(db).list()) {
                    String state = a.disabled() ? "disabled" : a.lockedUntilMs() > now ? "locked" : "active";
                    System.out.printf("%-30s %-10s %-9s %-5s %s%n", a.name(), a.role().label(), state,
                            a.totpEnabled() ? "yes" : "no", Instant.ofEpochMilli(a.createdAtMs()));
                }
                return 0;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its sign-ins.")
    static final class Disable implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                if (!accounts(db).disable(ACTOR, name)) {
                    System.err.println("error: no account named \"" + name + "\"");
                    return 1;
                }
                System.out.println("disabled " + name);
                return 0;
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                if (!accounts(db).enable(ACTOR, name)) {
                    System.err.println("error: no account named \"" + name + "\"");
                    return 1;
                }
                System.out.println("enabled " + name);
                return 0;
            }
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password; clears a lockout and ends the account's sign-ins.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--password-file", paramLabel = "FILE", description = "First line: the new password (else asked).") Path passwordFile;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                char[] password = password(passwordFile, "New password for " + name);
                try {
                    if (!accounts(db).resetPassword(ACTOR, name, password)) {
                        System.err.println("error: no account named \"" + name + "\"");
                        return 1;
                    }
                } catch (WeakPasswordException e) {
                    System.err.println("error: " + e.getMessage());
                    return 1;
                } finally {
                    Arrays.fill(password, '\0');
                }
                System.out.println("password of " + name + " reset");
                return 0;
            }
        }
    }

    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = "Turn on the TOTP second factor; prints the secret and otpauth:// URI once.")
    static final class EnableTotp implements Callable<Integer> {
        @Mixin DatabaseOptions database;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                var secret = accounts(db).enableTotp(ACTOR, name);
                if (secret.isEmpty()) {
                    System.err.println("error: no account named \"" + name + "\"");
                    return 1;
                }
                System.out.println("secret: " + secret.get());
                System.out.println("uri: " + Totp.uri("Lifeline", name, secret.get()));
                return 0;
            }
        }
    }

    @Command(name = "setup-token", mixinStandardHelpOptions = true,
            description = "Make a one-time token (valid 24 h) that allows creating the first admin;"
                    + " written to DATA_DIR/setup-token and printed.")
    static final class SetupToken implements Callable<Integer> {
        @Mixin DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open()) {
                if (accounts(db).store().anyAdmin()) {
                    System.err.println("error: an admin exists; admins create further accounts");
                    return 1;
                }
                String token = new SetupTokens(db, Clock.systemUTC()).issue(database.dataDir);
                System.out.println(token);
                return 0;
            }
        }
    }
}
