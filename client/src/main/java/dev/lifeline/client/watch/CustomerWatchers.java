package dev.lifeline.client.watch;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.wire.e2e.SessionMessage;
import dev.lifeline.common.wire.e2e.WatchedChat;
import dev.lifeline.common.wire.e2e.Watchers;
import io.netty.channel.EventLoop;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's watchers (issue 6): at most {@link #MAX_WATCHERS} channels, each its own
 * end-to-end session. Tells the technician, every watcher and the person who can see the screen
 * whenever that changes; mirrors the session's chat to the watchers. Session thread only.
 */
public final class CustomerWatchers {
    public static final int MAX_WATCHERS = 2;

    /** What the watchers need from the customer's session. */
    public interface Session {
        /** Seal and send to the (main) technician. */
        void sendToTechnician(SessionMessage message);

        /** Who can see the screen besides the technician changed. */
        void watchersChanged(List<String> names);

        /** A watcher wrote in the chat; shown to the person with the watcher's name. */
        void watcherChat(String name, String text);

        /** A watcher's message was refused. */
        default void watcherRefused(String name, SessionMessage message) {
        }
    }

    private final EventLoop loop;
    private final RelayEndpoint endpoint;
    private final OrganisationRoot pinnedRoot;
    private final SecureRandom random;
    private final Clock clock;
    private final ScreenSources screens;
    private final Session session;
    private final List<WatchChannel> channels = new ArrayList<>();
    private final Owner owner = new Owner();

    public CustomerWatchers(EventLoop loop, RelayEndpoint endpoint, OrganisationRoot pinnedRoot, SecureRandom random,
                            Clock clock, ScreenSources screens, Session session) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.pinnedRoot = pinnedRoot;
        this.random = random;
        this.clock = clock;
        this.screens = screens;
        this.session = session;
    }

    /** The person said yes: open the watcher's own channel with the relay's ticket. False over the limit. */
    public boolean open(byte[] ticket, String name) {
        if (channels.size() >= MAX_WATCHERS || channels.stream().anyMatch(c -> c.name().equals(name))) {
            return false;
        }
        WatchChannel channel = new WatchChannel(loop, endpoint, pinnedRoot, random, clock, screens, name, ticket, owner);
        channels.add(channel);
        channel.open();
        return true;
    }

    /** One click in Get Help: the watcher's channel closes at once. */
    public void remove(String name) {
        for (WatchChannel channel : List.copyOf(channels)) {
            if (channel.name().equals(name)) {
                channel.remove();
            }
        }
    }

    /** The session is over (or handed over and the person removes everyone): close every channel. */
    public void closeAll() {
        List.copyOf(channels).forEach(WatchChannel::remove);
    }

    public void pauseScreens() {
        channels.forEach(WatchChannel::pauseScreen);
    }

    public void resumeScreens() {
        channels.forEach(WatchChannel::resumeScreen);
    }

    /** A line of the session's chat, for every watcher. */
    public void mirrorChat(String author, String text, long atMs) {
        channels.forEach(c -> c.mirrorChat(author, text, atMs));
    }

    /** Names of the connected, verified watchers. */
    public List<String> names() {
        return channels.stream().filter(WatchChannel::isSecured).map(WatchChannel::name).toList();
    }

    /** The channels, for tests (counters). */
    public List<WatchChannel> channels() {
        return List.copyOf(channels);
    }

    private void announce() {
        List<String> names = names();
        SessionMessage watchers = SessionMessage.newBuilder().setWatchers(Watchers.newBuilder().addAllNames(names)).build();
        session.sendToTechnician(watchers);
        channels.forEach(c -> c.send(watchers));
        session.watchersChanged(names);
    }

    private final class Owner implements WatchChannel.Owner {
        @Override
        public void joined(WatchChannel channel) {
            announce();
        }

        @Override
        public void left(WatchChannel channel, String why) {
            boolean wasShown = channel.isSecured();
            channels.remove(channel);
            if (wasShown) {
                announce();
            }
        }

        @Override
        public void chat(WatchChannel channel, String text) {
            session.watcherChat(channel.name(), text);
            long now = clock.millis();
            session.sendToTechnician(SessionMessage.newBuilder().setWatchedChat(WatchedChat.newBuilder()
                    .setAuthor(channel.name()).setText(text).setSentAtMs(now)).build());
            channels.stream().filter(c -> c != channel).forEach(c -> c.mirrorChat(channel.name(), text, now));
        }

        @Override
        public void refused(WatchChannel channel, SessionMessage message) {
            session.watcherRefused(channel.name(), message);
        }
    }
}
