package dev.lifeline.client.headless;

import dev.lifeline.client.session.RelayClient;
import dev.lifeline.client.team.SignInFailure;
import dev.lifeline.client.team.SignedInTechnician;
import dev.lifeline.client.team.TeamConnection;
import dev.lifeline.client.team.WaitingCustomer;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code console --headless --user N --password-file F --pick-first}: signs in, watches the
 * queue and hands back the oldest waiting (connected) customer, printing what it sees.
 */
public final class FirstInQueue {
    /** Signed in, with the customer to pick. */
    public record Found(SignedInTechnician technician, WaitingCustomer customer, TeamConnection connection) {
    }

    /** Sign-in refused or no customer in time; {@code exitCode} says which. */
    public static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        NotFound(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private FirstInQueue() {
    }

    public static Found await(RelayClient client, String user, char[] password, String totp, long timeoutMs, PrintStream out)
            throws NotFound, InterruptedException {
        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        CompletableFuture<WaitingCustomer> first = new CompletableFuture<>();
        TeamConnection connection = TeamConnection.signIn(client.group().next(), client.endpoint(), user, password, totp,
                new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        signedIn.complete(technician);
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        signedIn.completeExceptionally(new NotFound("sign-in failed: " + failure.message(), 5));
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                        synchronized (out) {
                            out.println("queue: " + waiting.size() + " waiting");
                            out.flush();
                        }
                        waiting.stream().filter(WaitingCustomer::connected).findFirst().ifPresent(first::complete);
                    }

                    @Override
                    public void closed(String why) {
                        signedIn.completeExceptionally(new NotFound("relay connection closed: " + why, 3));
                        first.completeExceptionally(new NotFound("relay connection closed: " + why, 3));
                    }
                });
        try {
            SignedInTechnician technician = signedIn.get(30, TimeUnit.SECONDS);
            synchronized (out) {
                out.println("signed-in: " + technician.name() + " (" + technician.role() + ")"
                        + (technician.identity() != null ? ", certificate until " + technician.identity().notAfter() : ""));
                out.flush();
            }
            WaitingCustomer customer = first.get(timeoutMs, TimeUnit.MILLISECONDS);
            return new Found(technician, customer, connection);
        } catch (ExecutionException e) {
            connection.close();
            if (e.getCause() instanceof NotFound notFound) {
                throw notFound;
            }
            throw new NotFound(String.valueOf(e.getCause()), 3);
        } catch (TimeoutException e) {
            connection.close();
            throw new NotFound("no customer waiting in time", 6);
        }
    }
}
