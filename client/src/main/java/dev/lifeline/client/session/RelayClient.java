package dev.lifeline.client.session;

import dev.lifeline.client.capture.ScreenSources;
import dev.lifeline.client.clipboard.AwtSystemClipboard;
import dev.lifeline.client.clipboard.SystemClipboard;
import dev.lifeline.client.connection.RelayEndpoint;
import dev.lifeline.client.probes.CommandRunner;
import dev.lifeline.client.probes.DiagnosticsSettings;
import dev.lifeline.client.probes.HostPort;
import dev.lifeline.client.probes.Platform;
import dev.lifeline.client.probes.ProbeContext;
import dev.lifeline.client.probes.ProbeRunner;
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
    /** Made on first use (Netty's set-up is off Get Help's way to its first frame, issue 8); guarded by {@code this}. */
    private EventLoopGroup group;
    private boolean closed;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Queue<CompletableFuture<Void>> goodbyes = new ConcurrentLinkedQueue<>();
    private ProbeRunner probes;

    public RelayClient(RelayEndpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    public RelayClient(RelayEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
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
        return customerSessions(pinnedRoot, screens, ControlDevices.robot(), defaultDiagnostics());
    }

    /** The diagnostics configuration without a settings file: the relay as the one checked endpoint. */
    public DiagnosticsSettings defaultDiagnostics() {
        return DiagnosticsSettings.defaults(new HostPort(endpoint.host(), endpoint.port()));
    }

    /** As above, with the customer's diagnostics configuration (what the network probe may contact). */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, DiagnosticsSettings diagnostics) {
        return customerSessions(pinnedRoot, screens, ControlDevices.robot(), diagnostics);
    }

    /** Get Help's sessions, with remote control through {@code devices} once the customer grants it. */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices) {
        return customerSessions(pinnedRoot, screens, devices, defaultDiagnostics());
    }

    /** Get Help's sessions with remote control devices and the customer's diagnostics configuration. */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                             DiagnosticsSettings diagnostics) {
        return customerSessions(pinnedRoot, screens, devices, diagnostics, new AwtSystemClipboard());
    }

    /** ... with {@code clipboard} for the technician's clipboard use (tests; the window passes JavaFX's). */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                             SystemClipboard clipboard) {
        return customerSessions(pinnedRoot, screens, devices, defaultDiagnostics(), clipboard);
    }

    /** Everything chosen: screens, control devices, diagnostics and the clipboard (JavaFX's in the window). */
    public CustomerSessions customerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                             DiagnosticsSettings diagnostics, SystemClipboard clipboard) {
        return preparing((customerName, listener) -> {
            CustomerLiveSession session = new CustomerLiveSession(group().next(), endpoint, customerName, pinnedRoot,
                    random, listener, clock, goodbyes::add, screens, devices, probes(diagnostics), diagnostics.reviewBeforeSending(),
                    clipboard);
            session.begin();
            return session;
        });
    }

    /** The Console's sessions, as the given technician. */
    public TechnicianSessions technicianSessions(TechnicianIdentity identity) {
        return new TechnicianSessions() {
            @Override
            public TechnicianSessionHandle join(dev.lifeline.common.pairing.SessionCode code, SessionListener listener) {
                TechnicianLiveSession session = new TechnicianLiveSession(group().next(), endpoint, code, identity,
                        random, listener, clock, goodbyes::add);
                session.begin();
                return session;
            }

            @Override
            public TechnicianSessionHandle pick(QueueTicket ticket, SessionListener listener) {
                return RelayClient.this.pick(identity, ticket, listener);
            }

            @Override
            public TechnicianSessionHandle take(dev.lifeline.client.handover.HandoverTicket ticket, SessionListener listener) {
                return RelayClient.this.takeOver(identity, ticket, listener);
            }
        };
    }

    /**
     * Issue 7: the Console's sessions joined by code while signed in: each join signs in with the
     * current session token first, so the relay records whose session it is (and accepts its report).
     */
    public TechnicianSessions technicianSessions(TechnicianIdentity identity, java.util.function.Supplier<String> sessionToken) {
        return new TechnicianSessions() {
            @Override
            public TechnicianSessionHandle join(dev.lifeline.common.pairing.SessionCode code, SessionListener listener) {
                TechnicianLiveSession session = new TechnicianLiveSession(group().next(), endpoint, code, identity,
                        random, listener, clock, goodbyes::add);
                session.signInBeforeJoin(sessionToken.get());
                session.begin();
                return session;
            }

            @Override
            public TechnicianSessionHandle pick(QueueTicket ticket, SessionListener listener) {
                return RelayClient.this.pick(identity, ticket, listener);
            }

            @Override
            public TechnicianSessionHandle take(dev.lifeline.client.handover.HandoverTicket ticket, SessionListener listener) {
                return RelayClient.this.takeOver(identity, ticket, listener);
            }
        };
    }

    /** Issue 6: Get Help's sessions that also wait in the relay's queue with {@code request}. */
    public CustomerSessions queuedCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, QueueRequest request) {
        return queuedCustomerSessions(pinnedRoot, screens, defaultDiagnostics(), request);
    }

    /** As above, with the customer's diagnostics configuration. */
    public CustomerSessions queuedCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens,
                                                   DiagnosticsSettings diagnostics, QueueRequest request) {
        return queuedCustomerSessions(pinnedRoot, screens, ControlDevices.robot(), diagnostics, request);
    }

    /** As above, with remote control through {@code devices}. */
    public CustomerSessions queuedCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                                   DiagnosticsSettings diagnostics, QueueRequest request) {
        return queuedCustomerSessions(pinnedRoot, screens, devices, diagnostics, new AwtSystemClipboard(), request);
    }

    /** As above, with {@code clipboard} for the technician's clipboard use (JavaFX's in the window). */
    public CustomerSessions queuedCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                                   DiagnosticsSettings diagnostics, SystemClipboard clipboard,
                                                   QueueRequest request) {
        return preparing((customerName, listener) -> {
            CustomerLiveSession session = new CustomerLiveSession(group().next(), endpoint, customerName, pinnedRoot,
                    random, listener, clock, goodbyes::add, screens, devices, probes(diagnostics),
                    diagnostics.reviewBeforeSending(), clipboard);
            session.queue(request);
            session.begin();
            return session;
        });
    }

    /**
     * Issue 6: Get Help's sessions with the request form: each start may carry the customer's
     * problem and contact, sent to the queue with {@code organisation} (from the installer
     * bundle); without a problem the session shows its code only.
     */
    public CustomerSessions queueingCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                                     DiagnosticsSettings diagnostics, String organisation) {
        return queueingCustomerSessions(pinnedRoot, screens, devices, diagnostics, new AwtSystemClipboard(), organisation);
    }

    /** As above, with the clipboard the session reads and writes (JavaFX's in a window). */
    public CustomerSessions queueingCustomerSessions(OrganisationRoot pinnedRoot, ScreenSources screens, ControlDevices devices,
                                                     DiagnosticsSettings diagnostics, SystemClipboard clipboard,
                                                     String organisation) {
        return preparing(new CustomerSessions() {
            @Override
            public CustomerSessionHandle start(String customerName, SessionListener listener) {
                return start(customerName, null, listener);
            }

            @Override
            public CustomerSessionHandle start(String customerName, QueueRequest request, SessionListener listener) {
                CustomerLiveSession session = new CustomerLiveSession(group().next(), endpoint, customerName, pinnedRoot,
                        random, listener, clock, goodbyes::add, screens, devices, probes(diagnostics),
                        diagnostics.reviewBeforeSending(), clipboard);
                if (request != null && !request.problem().isEmpty()) {
                    session.queue(new QueueRequest(request.problem(), request.contact(),
                            request.organisation().isEmpty() ? organisation : request.organisation()));
                }
                session.begin();
                return session;
            }

            @Override
            public boolean queues() {
                return true;
            }
        });
    }

    /** Issue 6: picks a waiting customer from the queue as the signed-in technician {@code identity}. */
    public TechnicianSessionHandle pick(TechnicianIdentity identity, QueueTicket ticket, SessionListener listener) {
        TechnicianLiveSession session = new TechnicianLiveSession(group().next(), endpoint, null, identity,
                random, listener, clock, goodbyes::add);
        session.pick(ticket);
        session.begin();
        return session;
    }

    /**
     * Issue 6: takes a session another technician offered (transfer or watch), on a new connection
     * signed in with the ticket's token; the customer verifies {@code identity}'s certificate.
     */
    public TechnicianSessionHandle takeOver(TechnicianIdentity identity, dev.lifeline.client.handover.HandoverTicket ticket,
                                            SessionListener listener) {
        TechnicianLiveSession session = new TechnicianLiveSession(group().next(), endpoint, null, identity,
                random, listener, clock, goodbyes::add);
        session.take(ticket);
        session.begin();
        return session;
    }

    /** The network thread group (made now if it is not yet), for the sessions and the Console's queue connection. */
    public synchronized EventLoopGroup group() {
        if (closed) {
            throw new IllegalStateException("relay client closed");
        }
        if (group == null) {
            // One thread is plenty for an app's one or few sessions, and keeps each session single-threaded.
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lifeline-net", true), NioIoHandler.newFactory());
        }
        return group;
    }

    /**
     * Makes the network thread group on a background thread, so the first session does not wait
     * for Netty's set-up. Get Help calls it once its window has drawn its first frame.
     */
    public void prepare() {
        Thread preparing = new Thread(() -> {
            try {
                // Netty starts a loop's thread with its first task.
                group().next().execute(() -> {
                });
            } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                // the app is closing: nothing to prepare
            }
        }, "lifeline-net-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }

    /** {@code sessions} that also {@link #prepare} when asked to. */
    private CustomerSessions preparing(CustomerSessions sessions) {
        return new CustomerSessions() {
            @Override
            public CustomerSessionHandle start(String customerName, SessionListener listener) {
                return sessions.start(customerName, listener);
            }

            @Override
            public CustomerSessionHandle start(String customerName, QueueRequest request, SessionListener listener) {
                return sessions.start(customerName, request, listener);
            }

            @Override
            public boolean queues() {
                return sessions.queues();
            }

            @Override
            public void prepare() {
                RelayClient.this.prepare();
            }
        };
    }

    private synchronized ProbeRunner probes(DiagnosticsSettings settings) {
        // One runner (two probe threads) per app, made on first use; its settings are the first session's.
        if (probes == null) {
            probes = ProbeRunner.standard(new ProbeContext(Platform.current(), new CommandRunner(), settings, clock));
        }
        return probes;
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
        synchronized (this) {
            if (probes != null) {
                probes.close();
            }
        }
        EventLoopGroup made;
        synchronized (this) {
            closed = true;
            made = group;
        }
        if (made != null) {
            made.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
