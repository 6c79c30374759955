package dev.lifeline.common.session;

import dev.lifeline.common.handshake.CustomerHandshake;
import dev.lifeline.common.handshake.HandshakeFailedException;
import dev.lifeline.common.handshake.HandshakeResult;
import dev.lifeline.common.handshake.TechnicianHandshake;
import dev.lifeline.common.wire.e2e.HandshakeMessage;
import java.util.List;

/** The steps every handshake role offers; the session drives them without caring which role. */
public interface Handshake {
    List<HandshakeMessage> start();

    List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException;

    boolean isComplete();

    HandshakeResult result();

    static Handshake of(CustomerHandshake customer) {
        return new Handshake() {
            @Override
            public List<HandshakeMessage> start() {
                return customer.start();
            }

            @Override
            public List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException {
                return customer.receive(message);
            }

            @Override
            public boolean isComplete() {
                return customer.isComplete();
            }

            @Override
            public HandshakeResult result() {
                return customer.result();
            }
        };
    }

    static Handshake of(TechnicianHandshake technician) {
        return new Handshake() {
            @Override
            public List<HandshakeMessage> start() {
                return technician.start();
            }

            @Override
            public List<HandshakeMessage> receive(HandshakeMessage message) throws HandshakeFailedException {
                return technician.receive(message);
            }

            @Override
            public boolean isComplete() {
                return technician.isComplete();
            }

            @Override
            public HandshakeResult result() {
                return technician.result();
            }
        };
    }
}
