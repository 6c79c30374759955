package dev.lifeline.relay.pairing;

import static dev.lifeline.relay.pairing.LobbyHandlerTest.channel;
import static dev.lifeline.relay.pairing.LobbyHandlerTest.hello;
import static dev.lifeline.relay.pairing.LobbyHandlerTest.read;
import static dev.lifeline.relay.pairing.LobbyHandlerTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.common.wire.relay.AccountRequest;
import dev.lifeline.common.wire.relay.ErrorCode;
import dev.lifeline.common.wire.relay.ListAccounts;
import dev.lifeline.common.wire.relay.Ping;
import dev.lifeline.common.wire.relay.QueuePick;
import dev.lifeline.common.wire.relay.QueueSubmit;
import dev.lifeline.common.wire.relay.QueueSubscribe;
import dev.lifeline.common.wire.relay.RelayFrame;
import dev.lifeline.common.wire.relay.Role;
import dev.lifeline.common.wire.relay.SignIn;
import dev.lifeline.common.wire.relay.SignInFailure;
import dev.lifeline.common.wire.relay.Welcome;
import dev.lifeline.relay.forwarding.SessionTable;
import dev.lifeline.relay.limits.KeyedRateLimiter;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A relay without a team database answers sign-in, account and queue frames with typed, non-fatal
 * errors: the Console shows "this relay has no accounts" and Get Help keeps its code, instead of
 * both losing their connection to an UNEXPECTED_FRAME.
 */
class NoTeamDatabaseTest {
    private final Clock clock = Clock.systemUTC();
    private final Lobby lobby = new Lobby(new NameplateRegistry(clock, Duration.ofMinutes(10), 100),
            new KeyedRateLimiter<>(3, 3, clock), new KeyedRateLimiter<>(100, 100, clock),
            new SessionTable(Duration.ofSeconds(60)),
            Welcome.newBuilder().setProtocolVersion(1).setMaxFrameBytes(WireLimits.MAX_FRAME_BYTES)
                    .setMaxFramesPerSecond(400).build(), () -> false, ForwardedFrameListener.NONE);

    @Test
    void signInGetsNotAvailableAndTheConnectionStaysUsable() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.TECHNICIAN, 1));
        assertFalse(read(ch).getWelcome().getTeamServer(), "the welcome says: no team server");
        send(ch, RelayFrame.newBuilder().setSignIn(SignIn.newBuilder().setName("Alice").setPassword("secret")).build());
        RelayFrame answer = read(ch);
        assertEquals(RelayFrame.BodyCase.SIGN_IN_FAILED, answer.getBodyCase(), String.valueOf(answer));
        assertEquals(SignInFailure.SIGN_IN_NOT_AVAILABLE, answer.getSignInFailed().getReason());
        assertTrue(answer.getSignInFailed().getMessage().contains("no accounts"), answer.getSignInFailed().getMessage());

        // Still in the lobby: account and queue frames get typed non-fatal errors, a ping its pong.
        for (RelayFrame frame : new RelayFrame[] {
                RelayFrame.newBuilder().setAccountRequest(AccountRequest.newBuilder().setList(ListAccounts.getDefaultInstance())).build(),
                RelayFrame.newBuilder().setQueueSubscribe(QueueSubscribe.getDefaultInstance()).build(),
                RelayFrame.newBuilder().setQueuePick(QueuePick.newBuilder().setEntryId(7)).build()}) {
            send(ch, frame);
            RelayFrame error = read(ch);
            assertEquals(ErrorCode.QUEUE_UNAVAILABLE, error.getError().getCode(), String.valueOf(error));
            assertFalse(error.getError().getFatal());
        }
        send(ch, RelayFrame.newBuilder().setPing(Ping.newBuilder().setNonce(9)).build());
        assertEquals(9, read(ch).getPong().getNonce());
        assertTrue(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void customerQueueSubmitKeepsTheCode() throws Exception {
        EmbeddedChannel ch = channel(lobby);
        send(ch, hello(Role.CUSTOMER, 1));
        read(ch);
        send(ch, RelayFrame.newBuilder().setOpenSession(dev.lifeline.common.wire.relay.OpenSession.newBuilder()
                .setCustomerName("Dana")).build());
        String nameplate = read(ch).getSessionOpened().getNameplate();
        assertFalse(nameplate.isEmpty());
        send(ch, RelayFrame.newBuilder().setQueueSubmit(QueueSubmit.newBuilder().setCustomerName("Dana")
                .setProblem("printer")).build());
        RelayFrame error = read(ch);
        assertEquals(ErrorCode.QUEUE_UNAVAILABLE, error.getError().getCode());
        assertFalse(error.getError().getFatal());
        assertTrue(ch.isActive(), "the customer keeps waiting under its code");
        ch.close();
    }
}
