package dev.lifeline.client.launch;

import dev.lifeline.client.connection.RelayEndpoint;
import picocli.CommandLine.Option;

/** How an app finds and recognises its relay. */
public final class RelayOptions {
    static final String DEFAULT_ADDRESS = "localhost:7443";

    @Option(names = "--relay", paramLabel = "HOST[:PORT]",
            description = "Relay address (default: " + DEFAULT_ADDRESS + ", or Get Help's organisation bundle).")
    String address;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "SHA-256 fingerprint of the relay's certificate, as the relay prints it on start."
                    + " Without it the relay certificate must be signed by a CA this machine trusts.")
    String fingerprint;

    /** The relay given on the command line, or {@value #DEFAULT_ADDRESS}. */
    public RelayEndpoint endpoint() {
        return RelayEndpoint.parse(address != null ? address : DEFAULT_ADDRESS, fingerprint);
    }

    /** Whether --relay was given (Get Help then ignores its bundle and saved relay). */
    public boolean given() {
        return address != null;
    }
}
