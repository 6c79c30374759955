package dev.lifeline.common.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/** The two AES-256-GCM keys of a session (one per direction) and the session id they are bound to. */
public final class TrafficKeys implements Destroyable {
    private final byte[] customerToTechnician;
    private final byte[] technicianToCustomer;
    private final byte[] sessionId;
    private boolean destroyed;

    public TrafficKeys(byte[] customerToTechnician, byte[] technicianToCustomer, byte[] sessionId) {
        if (customerToTechnician.length != AesGcm.KEY_LENGTH || technicianToCustomer.length != AesGcm.KEY_LENGTH) {
            throw new IllegalArgumentException("traffic keys must be 32 bytes");
        }
        if (Arrays.equals(customerToTechnician, technicianToCustomer)) {
            // Same key both ways would let a relay reflect a message back to its sender.
            throw new IllegalArgumentException("direction keys must differ");
        }
        this.customerToTechnician = customerToTechnician.clone();
        this.technicianToCustomer = technicianToCustomer.clone();
        this.sessionId = sessionId.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** Raw key copy, for sealing to the recording key; the caller wipes it. */
    public byte[] customerToTechnicianKey() {
        checkLive();
        return customerToTechnician.clone();
    }

    /** Raw key copy, for sealing to the recording key; the caller wipes it. */
    public byte[] technicianToCustomerKey() {
        checkLive();
        return technicianToCustomer.clone();
    }

    public TrafficEnd forCustomer() {
        checkLive();
        return new TrafficEnd(
                new TrafficSealer(customerToTechnician, sessionId, Direction.CUSTOMER_TO_TECHNICIAN),
                new TrafficOpener(technicianToCustomer, sessionId, Direction.TECHNICIAN_TO_CUSTOMER));
    }

    public TrafficEnd forTechnician() {
        checkLive();
        return new TrafficEnd(
                new TrafficSealer(technicianToCustomer, sessionId, Direction.TECHNICIAN_TO_CUSTOMER),
                new TrafficOpener(customerToTechnician, sessionId, Direction.CUSTOMER_TO_TECHNICIAN));
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("traffic keys destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(customerToTechnician, (byte) 0);
        Arrays.fill(technicianToCustomer, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TrafficKeys[session " + sessionId.length + " bytes, keys hidden]";
    }
}
