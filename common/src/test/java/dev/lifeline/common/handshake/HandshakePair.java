package dev.lifeline.common.handshake;

import dev.lifeline.common.identity.OrganisationRoot;
import dev.lifeline.common.identity.TechnicianIdentity;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.UnaryOperator;

/** Both ends in memory with a "relay" in between that may rewrite messages. */
final class HandshakePair {
    static final byte[] SESSION = "session-0001".getBytes(StandardCharsets.US_ASCII);

    final CustomerHandshake customer;
    final TechnicianHandshake technician;
    final Queue<HandshakeMessage> toTechnician = new ArrayDeque<>();
    final Queue<HandshakeMessage> toCustomer = new ArrayDeque<>();

    HandshakePair(String customerSecret, String technicianSecret, OrganisationRoot root,
            TechnicianIdentity identity, Clock clock) {
        SecureRandom random = new SecureRandom();
        customer = new CustomerHandshake(customerSecret, SESSION, root, random, clock);
        technician = new TechnicianHandshake(technicianSecret, SESSION, identity, random);
    }

    void start() {
        toTechnician.addAll(customer.start());
        toCustomer.addAll(technician.start());
    }

    /** Delivers one message each way, alternating, until both queues are empty. */
    void run() throws HandshakeFailedException {
        run(UnaryOperator.identity(), UnaryOperator.identity());
    }

    void run(UnaryOperator<HandshakeMessage> relayToTechnician, UnaryOperator<HandshakeMessage> relayToCustomer)
            throws HandshakeFailedException {
        while (!toTechnician.isEmpty() || !toCustomer.isEmpty()) {
            if (!toCustomer.isEmpty()) {
                List<HandshakeMessage> replies = customer.receive(relayToCustomer.apply(toCustomer.poll()));
                toTechnician.addAll(replies);
            }
            if (!toTechnician.isEmpty()) {
                List<HandshakeMessage> replies = technician.receive(relayToTechnician.apply(toTechnician.poll()));
                toCustomer.addAll(replies);
            }
        }
    }
}
