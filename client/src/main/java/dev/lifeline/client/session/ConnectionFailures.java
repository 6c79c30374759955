package dev.lifeline.client.session;

import dev.lifeline.client.connection.RelayEndpoint;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns a connection exception into one sentence a person can act on. */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    static String describe(Throwable error, RelayEndpoint endpoint) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            if (root instanceof SSLException) {
                break;
            }
            root = root.getCause();
        }
        if (root == null) {
            return "the connection to the relay " + endpoint + " closed";
        }
        if (root instanceof SSLException || hasSslCause(error)) {
            return "the relay " + endpoint + " did not present the expected certificate (" + root.getMessage() + ")";
        }
        if (root instanceof ConnectException) {
            return "cannot reach the relay at " + endpoint;
        }
        if (root instanceof UnknownHostException) {
            return "unknown relay host " + endpoint.host();
        }
        return "connection to the relay " + endpoint + " failed: " + root.getMessage();
    }

    private static boolean hasSslCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
