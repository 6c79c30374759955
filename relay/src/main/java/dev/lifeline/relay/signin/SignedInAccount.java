package dev.lifeline.relay.signin;

import dev.lifeline.relay.accounts.Account;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Optional;

/** The account a technician connection signed in as, kept on the channel. */
public record SignedInAccount(Account account, String tokenId) {
    private static final AttributeKey<SignedInAccount> KEY = AttributeKey.valueOf("lifeline.signedIn");

    public static Optional<SignedInAccount> of(Channel channel) {
        return Optional.ofNullable(channel.attr(KEY).get());
    }

    static void set(Channel channel, SignedInAccount account) {
        channel.attr(KEY).set(account);
    }

    /** The sign-in is over (its renewal was refused): nothing on this connection speaks for the account now. */
    static void clear(Channel channel) {
        channel.attr(KEY).set(null);
    }
}
