package dev.lifeline.common.delivery;

/** The peer broke the sequence/ack rules: a gap in sequence numbers or an ack from the future. */
public final class DeliveryProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryProtocolException(String message) {
        super(message);
    }
}
