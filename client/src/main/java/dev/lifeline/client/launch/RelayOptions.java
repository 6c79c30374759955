package dev.lifeline.client.launch;

import dev.lifeline.client.connection.RelayEndpoint;
import picocli.CommandLine.Option;

/** How an app finds and recognises its relay. */
public final class RelayOptions {
    @Option(names = "--relay", paramLabel = "HOST[:PORT]", defaultValue = "localhost:7443",
            description = "Relay address (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "SHA-256 fingerprint of the relay's certificate, as the relay prints it on start."
                    + " Without it the relay certificate must be signed by a CA this machine trusts.")
    String fingerprint;

    public RelayEndpoint endpoint() {
        return RelayEndpoint.parse(address, fingerprint);
    }
}
