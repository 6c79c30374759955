package dev.lifeline.client.session;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.AwtSystemClipboard;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.control.ControlDevices;
import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianIdentity;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The app's connection to one relay: owns the network thread and starts sessions on it. One per
 * app; close it on exit.
 */
public final class RelayClient implements AutoCloseable {
    private final RelayEndpoint endpoint;
    private final EventLoopGroup group;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Queue<CompletableFuture<Void>> goodbyes = new ConcurrentLinkedQueue<>();

    public RelayClient(RelayEndpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    public RelayClient(RelayEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        // One thread is plenty for an app's one or few sessions, and keeps each session single-threaded.
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lifeline-net", true), NioIoHandler.newFactory());
    }

    public RelayEndpoint endpoint() {
        return endpoint;
    }

    /** Get Help's sessions; {@code pinnedRoot} null means technicians cannot be verified. Shares the real screen. */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot) {
        return customerSessions(pinnedRoot, ScreenSources.robot());
    }

    /** Get Help's sessions sharing pictures from {@code screens}, opened only when the customer agrees. */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens) {
        return customerSessions(pinnedRoot, screens, ControlDevices.robot());
    }

    /** Get Help's sessions, with remote control through {@code devices} once the customer grants it. */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices) {
        return customerSessions(pinnedRoot, screens, devices, new AwtSystemClipboard());
    }

    /** ... and {@code clipboard} when the technician may use the clipboard (JavaFX's in the window). */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                             SystemClipboard clipboard) {
        return (customerName, listener) -> {
            CustomerLiveSession session = new CustomerLiveSession(group.next(), endpoint, customerName, pinnedRoot,
                    random, listener, clock, goodbyes::add, screens, devices, clipboard);
            session.begin();
            return session;
        };
    }

    /** The Console's sessions, as the given technician. */
    public TechnicianSessions technicianSessions(TechnicianIdentity identity) {
        return (code, listener) -> {
            TechnicianLiveSession session = new TechnicianLiveSession(group.next(), endpoint, code, identity,
                    random, listener, clock, goodbyes::add);
            session.begin();
            return session;
        };
    }

    /** Loads identity files into technicians that join through this relay. */
    public TechnicianIdentities identities() {
        return new IdentityFiles(this);
    }

    @Override
    public void close() {
        // Give sessions that just said goodbye the moment the relay needs to read it.
        try {
            CompletableFuture.allOf(goodbyes.toArray(CompletableFuture[]::new)).get(4, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
