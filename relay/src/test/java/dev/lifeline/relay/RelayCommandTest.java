package dev.lifeline.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RelayCommandTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return code + "\n" + out;
    }

    @Test
    void helpListsRunAndItsOptions() {
        String top = run("--help");
        assertTrue(top.startsWith("0\n"), top);
        assertTrue(top.contains("run"), top);
        String sub = run("run", "--help");
        for (String option : new String[] {"--bind", "--port", "--data-dir", "--code-ttl", "--resume-grace",
                "--max-frames-per-second", "--idle-timeout"}) {
            assertTrue(sub.contains(option), option + " missing in\n" + sub);
        }
    }

    @Test
    void durationsAcceptIsoUnitsAndSeconds() {
        assertEquals(Duration.ofSeconds(90), RelayCommand.Run.duration("90"));
        assertEquals(Duration.ofMinutes(5), RelayCommand.Run.duration("5m"));
        assertEquals(Duration.ofSeconds(30), RelayCommand.Run.duration("PT30S"));
    }
}
