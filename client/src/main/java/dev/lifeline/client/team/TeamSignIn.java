package dev.lifeline.client.team;

import dev.lifeline.client.connection.RelayEndpoint;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A blocking sign-in for launchers and scripts: signs in, hands back the result, closes the connection. */
public final class TeamSignIn {
    /** Sign-in refused or the relay unreachable; the message is for the person. */
    public static final class SignInException extends Exception {
        private static final long serialVersionUID = 1L;

        SignInException(String message) {
            super(message);
        }
    }

    private TeamSignIn() {
    }

    public static SignedInTechnician signIn(EventLoop loop, RelayEndpoint endpoint, String name, char[] password,
                                            String totp, Duration timeout) throws SignInException, InterruptedException {
        CompletableFuture<SignedInTechnician> result = new CompletableFuture<>();
        TeamConnection connection = TeamConnection.signIn(loop, endpoint, name, password, totp, new TeamConnection.Listener() {
            @Override
            public void signedIn(SignedInTechnician technician) {
                result.complete(technician);
            }

            @Override
            public void signInFailed(SignInFailure failure) {
                result.completeExceptionally(new SignInException(failure.message()));
            }

            @Override
            public void queue(List<WaitingCustomer> waiting, long relayTimeMs) {
            }

            @Override
            public void closed(String why) {
                result.completeExceptionally(new SignInException("relay connection closed: " + why));
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SignInException s ? s : new SignInException(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new SignInException("the relay did not answer in " + timeout.toSeconds() + " s");
        } finally {
            connection.close();
        }
    }
}
