package dev.lifeline.client.headless;

import dev.lifeline.client.handover.HandoverOfferInfo;
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
 * {@code console --headless --user N --password-file F --take-handover}: signs in, stays reachable
 * for handovers and hands back the first offer (a transfer or a watch invitation) to accept.
 */
public final class FirstOffer {
    /** Signed in, with the offer to take. */
    public record Found(SignedInTechnician technician, HandoverOfferInfo offer, TeamConnection connection) {
    }

    private FirstOffer() {
    }

    public static Found await(RelayClient client, String user, char[] password, String totp, long timeoutMs, PrintStream out)
            throws FirstInQueue.NotFound, InterruptedException {
        CompletableFuture<SignedInTechnician> signedIn = new CompletableFuture<>();
        CompletableFuture<HandoverOfferInfo> first = new CompletableFuture<>();
        TeamConnection connection = TeamConnection.signIn(client.group().next(), client.endpoint(), user, password, totp,
                new TeamConnection.Listener() {
                    @Override
                    public void signedIn(SignedInTechnician technician) {
                        signedIn.complete(technician);
                    }

                    @Override
                    public void signInFailed(SignInFailure failure) {
                        signedIn.completeExceptionally(new FirstInQueue.NotFound("sign-in failed: " + failure.message(), 5));
                    }

                    @Override
                    public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
                    }

                    @Override
                    public void offer(HandoverOfferInfo offer) {
                        synchronized (out) {
                            out.println("offer: " + HeadlessSession.clean(offer.question()));
                            out.flush();
                        }
                        first.complete(offer);
                    }

                    @Override
                    public void closed(String why) {
                        signedIn.completeExceptionally(new FirstInQueue.NotFound("relay connection closed: " + why, 3));
                        first.completeExceptionally(new FirstInQueue.NotFound("relay connection closed: " + why, 3));
                    }
                });
        try {
            SignedInTechnician technician = signedIn.get(30, TimeUnit.SECONDS);
            synchronized (out) {
                out.println("signed-in: " + technician.name() + " (" + technician.role() + "), waiting for a handover");
                out.flush();
            }
            return new Found(technician, first.get(timeoutMs, TimeUnit.MILLISECONDS), connection);
        } catch (ExecutionException e) {
            connection.close();
            if (e.getCause() instanceof FirstInQueue.NotFound notFound) {
                throw notFound;
            }
            throw new FirstInQueue.NotFound(String.valueOf(e.getCause()), 3);
        } catch (TimeoutException e) {
            connection.close();
            throw new FirstInQueue.NotFound("no handover offered in time", 6);
        }
    }
}
