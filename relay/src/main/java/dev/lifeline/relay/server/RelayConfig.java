package dev.lifeline.relay.server;

import dev.lifeline.common.identity.OrganisationCa;
import dev.lifeline.common.wire.WireLimits;
import dev.lifeline.relay.accounts.PasswordHasher;
import dev.lifeline.relay.database.Database;
import dev.lifeline.relay.recording.ForwardedFrameListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Everything a relay needs to start. Build with {@link #builder()}; defaults are production values. */
public final class RelayConfig {
    private final String bindAddress;
    private final int port;
    private final Path dataDir;
    private final Duration codeTtl;
    private final Duration resumeGrace;
    private final Duration idleTimeout;
    private final int maxFrameBytes;
    private final int maxFramesPerSecond;
    private final int frameBurst;
    private final int joinsPerMinutePerAddress;
    private final int joinsPerMinutePerNameplate;
    private final int maxConnections;
    private final int maxSessions;
    private final ForwardedFrameListener forwardedFrameListener;
    private final Clock clock;
    private final Database database;
    private final OrganisationCa organisationCa;
    private final PasswordHasher.Parameters passwordHashing;
    private final java.time.Duration sessionTokenLifetime;

    private RelayConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
        this.codeTtl = b.codeTtl;
        this.resumeGrace = b.resumeGrace;
        this.idleTimeout = b.idleTimeout;
        this.maxFrameBytes = b.maxFrameBytes;
        this.maxFramesPerSecond = b.maxFramesPerSecond;
        this.frameBurst = b.frameBurst > 0 ? b.frameBurst : 2 * b.maxFramesPerSecond;
        this.joinsPerMinutePerAddress = b.joinsPerMinutePerAddress;
        this.joinsPerMinutePerNameplate = b.joinsPerMinutePerNameplate;
        this.maxConnections = b.maxConnections;
        this.maxSessions = b.maxSessions;
        this.forwardedFrameListener = b.forwardedFrameListener;
        this.clock = b.clock;
        this.database = b.database;
        this.organisationCa = b.organisationCa;
        this.passwordHashing = b.passwordHashing;
        this.sessionTokenLifetime = b.sessionTokenLifetime;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bindAddress() { return bindAddress; }
    public int port() { return port; }
    public Path dataDir() { return dataDir; }
    public Duration codeTtl() { return codeTtl; }
    public Duration resumeGrace() { return resumeGrace; }
    public Duration idleTimeout() { return idleTimeout; }
    public int maxFrameBytes() { return maxFrameBytes; }
    public int maxFramesPerSecond() { return maxFramesPerSecond; }
    public int frameBurst() { return frameBurst; }
    public int joinsPerMinutePerAddress() { return joinsPerMinutePerAddress; }
    public int joinsPerMinutePerNameplate() { return joinsPerMinutePerNameplate; }
    public int maxConnections() { return maxConnections; }
    public int maxSessions() { return maxSessions; }
    public ForwardedFrameListener forwardedFrameListener() { return forwardedFrameListener; }
    public Clock clock() { return clock; }
    /** Issue 6: the team server's database (accounts, queue, contracts); null runs the code flow only. */
    public Database database() { return database; }
    /** Issue 6: the unlocked organisation CA that certifies technicians on sign-in; null keeps the CA offline. */
    public OrganisationCa organisationCa() { return organisationCa; }
    public PasswordHasher.Parameters passwordHashing() { return passwordHashing; }
    /** How long a sign-in's session token is valid (the Console renews it before then). */
    public java.time.Duration sessionTokenLifetime() { return sessionTokenLifetime; }

    public static final class Builder {
        private String bindAddress = "0.0.0.0";
        private int port = 7443;
        private Path dataDir = Path.of(System.getProperty("user.home"), ".lifeline", "relay");
        private Duration codeTtl = Duration.ofMinutes(10);
        private Duration resumeGrace = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxFrameBytes = WireLimits.MAX_FRAME_BYTES;
        private int maxFramesPerSecond = 400;
        private int frameBurst;
        private int joinsPerMinutePerAddress = 10;
        private int joinsPerMinutePerNameplate = 6;
        private int maxConnections = 10_000;
        private int maxSessions = 5_000;
        private ForwardedFrameListener forwardedFrameListener = ForwardedFrameListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Database database;
        private OrganisationCa organisationCa;
        private PasswordHasher.Parameters passwordHashing = PasswordHasher.DEFAULT;
        private java.time.Duration sessionTokenLifetime = dev.lifeline.relay.accounts.SessionTokens.DEFAULT_LIFETIME;

        private Builder() {
        }

        public Builder bindAddress(String value) { this.bindAddress = Objects.requireNonNull(value); return this; }
        /** 0 picks a free port (tests); see {@code RunningRelay.port()}. */
        public Builder port(int value) { this.port = requireRange(value, 0, 65535, "port"); return this; }
        public Builder dataDir(Path value) { this.dataDir = Objects.requireNonNull(value); return this; }
        public Builder codeTtl(Duration value) { this.codeTtl = positive(value, "codeTtl"); return this; }
        public Builder resumeGrace(Duration value) { this.resumeGrace = positive(value, "resumeGrace"); return this; }
        public Builder idleTimeout(Duration value) { this.idleTimeout = positive(value, "idleTimeout"); return this; }
        public Builder maxFrameBytes(int value) {
            this.maxFrameBytes = requireRange(value, 64, WireLimits.MAX_FRAME_BYTES, "maxFrameBytes");
            return this;
        }
        public Builder maxFramesPerSecond(int value) { this.maxFramesPerSecond = requireRange(value, 1, Integer.MAX_VALUE, "maxFramesPerSecond"); return this; }
        /** Frames a connection may send at once above its rate; default twice the rate. */
        public Builder frameBurst(int value) { this.frameBurst = requireRange(value, 1, Integer.MAX_VALUE, "frameBurst"); return this; }
        public Builder joinsPerMinutePerAddress(int value) { this.joinsPerMinutePerAddress = requireRange(value, 1, Integer.MAX_VALUE, "joinsPerMinutePerAddress"); return this; }
        public Builder joinsPerMinutePerNameplate(int value) { this.joinsPerMinutePerNameplate = requireRange(value, 1, Integer.MAX_VALUE, "joinsPerMinutePerNameplate"); return this; }
        public Builder maxConnections(int value) { this.maxConnections = requireRange(value, 1, Integer.MAX_VALUE, "maxConnections"); return this; }
        /** Cap on live nameplates (waiting plus paired sessions). */
        public Builder maxSessions(int value) { this.maxSessions = requireRange(value, 1, Integer.MAX_VALUE, "maxSessions"); return this; }
        public Builder forwardedFrameListener(ForwardedFrameListener value) { this.forwardedFrameListener = Objects.requireNonNull(value); return this; }
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value); return this; }
        /** The relay owns nothing here: the caller opens and closes the database. */
        public Builder database(Database value) { this.database = value; return this; }
        public Builder organisationCa(OrganisationCa value) { this.organisationCa = value; return this; }
        public Builder passwordHashing(PasswordHasher.Parameters value) { this.passwordHashing = Objects.requireNonNull(value); return this; }
        public Builder sessionTokenLifetime(java.time.Duration value) { this.sessionTokenLifetime = positive(value, "sessionTokenLifetime"); return this; }

        public RelayConfig build() {
            return new RelayConfig(this);
        }

        private static int requireRange(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
