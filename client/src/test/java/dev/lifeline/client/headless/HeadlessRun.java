package dev.lifeline.client.headless;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lifeline.client.session.CustomerSessions;
import dev.lifeline.client.session.TechnicianSessions;
import dev.lifeline.common.pairing.SessionCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One headless app running in this JVM, as a script would drive it: lines typed on its standard
 * input, its standard output read line by line.
 */
public final class HeadlessRun implements AutoCloseable {
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private HeadlessRun() {
    }

    public static HeadlessRun customer(CustomerSessions sessions, String name) throws IOException {
        return customer(sessions, name, session -> session);
    }

    /** With options set on the session, as the command line would ({@code --allow-screen}, ...). */
    public static HeadlessRun customer(CustomerSessions sessions, String name, UnaryOperator<HeadlessSession> options)
            throws IOException {
        HeadlessRun run = new HeadlessRun();
        BufferedReader in = run.input();
        run.start(out -> options.apply(new HeadlessSession(out)).runCustomer(sessions, name, in));
        return run;
    }

    public static HeadlessRun technician(TechnicianSessions sessions, SessionCode code) throws IOException {
        return technician(sessions, code, session -> session);
    }

    public static HeadlessRun technician(TechnicianSessions sessions, SessionCode code, UnaryOperator<HeadlessSession> options)
            throws IOException {
        HeadlessRun run = new HeadlessRun();
        BufferedReader in = run.input();
        run.start(out -> options.apply(new HeadlessSession(out)).runTechnician(sessions, code, in));
        return run;
    }

    /** A technician session started by {@code start} (a queue pick) with the headless app as listener. */
    public static HeadlessRun started(java.util.function.Function<dev.lifeline.client.session.SessionListener,
            dev.lifeline.client.session.TechnicianSessionHandle> start) throws IOException {
        HeadlessRun run = new HeadlessRun();
        BufferedReader in = run.input();
        run.start(out -> new HeadlessSession(out).runStarted(start, in));
        return run;
    }

    private BufferedReader input() throws IOException {
        return new BufferedReader(new InputStreamReader(new PipedInputStream(stdin, 65536), StandardCharsets.UTF_8));
    }

    private interface Body {
        int run(PrintStream out);
    }

    private void start(Body body) {
        PrintStream out = new PrintStream(new LineSink(), true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            try {
                exit.complete(body.run(out));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "headless-app");
        t.setDaemon(true);
        t.start();
    }

    /** Types a line into the app's standard input. */
    public void type(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for an output line matching the predicate; returns the first such line. */
    public String await(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("no matching line within " + timeout + "; output so far: " + lines);
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    public String awaitPrefix(String prefix) {
        return await(l -> l.startsWith(prefix), Duration.ofSeconds(20));
    }

    /** Waits until {@code count} lines start with {@code prefix}; returns them. */
    public List<String> awaitLines(String prefix, int count) {
        await(l -> linesStartingWith(prefix).size() >= count, Duration.ofSeconds(20));
        return linesStartingWith(prefix);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public List<String> linesStartingWith(String prefix) {
        return lines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    public int awaitExit() throws Exception {
        try {
            return exit.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("the app did not exit within 30 s; output so far: " + lines());
        }
    }

    @Override
    public void close() throws IOException {
        stdin.close();
    }

    private final class LineSink extends OutputStream {
        private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                current.reset();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            } else {
                current.write(b);
            }
        }
    }
}
