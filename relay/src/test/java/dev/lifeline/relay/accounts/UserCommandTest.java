package dev.lifeline.relay.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.relay.RelayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lifeline relay user …` as an administrator types it, on the default H2 file. */
class UserCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return cli.execute(args);
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void firstAdminNeedsTheOneTimeTokenThenUsersAreManaged() throws Exception {
        String data = dir.resolve("relay").toString();
        Path pw = Files.writeString(dir.resolve("pw"), "correct horse battery staple\n");
        assertEquals(1, run("user", "add", "--data-dir", data, "--name", "root", "--role", "admin",
                "--password-file", pw.toString()), "no token, no first admin");
        assertEquals(1, run("user", "add", "--data-dir", data, "--name", "tech", "--password-file", pw.toString()));

        assertEquals(0, run("user", "setup-token", "--data-dir", data));
        String token = Files.readString(dir.resolve("relay/setup-token")).strip();
        assertEquals(0, run("user", "add", "--data-dir", data, "--name", "root", "--role", "admin",
                "--password-file", pw.toString(), "--setup-token", token));
        assertEquals(1, run("user", "setup-token", "--data-dir", data), "no second setup token once an admin exists");

        assertEquals(0, run("user", "add", "--data-dir", data, "--name", "Alice Meyer", "--role", "technician",
                "--password-file", pw.toString()));
        Path weak = Files.writeString(dir.resolve("weak"), "password1234\n");
        assertEquals(1, run("user", "add", "--data-dir", data, "--name", "Bob", "--password-file", weak.toString()));
        assertEquals(0, run("user", "disable", "--data-dir", data, "Alice Meyer"));
        assertEquals(1, run("user", "disable", "--data-dir", data, "Nobody"));
        out.reset();
        assertEquals(0, run("user", "list", "--data-dir", data));
        String list = out.toString(StandardCharsets.UTF_8);
        assertTrue(list.matches("(?s).*Alice Meyer\\s+technician\\s+disabled.*"), list);
        assertTrue(list.matches("(?s).*root\\s+admin\\s+active.*"), list);
        assertTrue(!list.contains("Bob"));
        Path fresh = Files.writeString(dir.resolve("fresh"), "tram-Gusto-57-melon\n");
        assertEquals(0, run("user", "reset-password", "--data-dir", data, "Alice Meyer", "--password-file", fresh.toString()));
        out.reset();
        assertEquals(0, run("audit", "verify", "--data-dir", data));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("intact: 4 entries"), out.toString(StandardCharsets.UTF_8));
    }
}
