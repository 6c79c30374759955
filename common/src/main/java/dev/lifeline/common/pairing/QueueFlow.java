package dev.lifeline.common.pairing;

/**
 * The queue flow of the design: a technician picks a waiting customer from the relay's queue,
 * so there is no code to read out. The handshake then runs with this fixed, public secret, which
 * makes its J-PAKE part prove nothing; what authenticates is the technician's certificate and its
 * signature over the transcript. So in queue flow the customer's app accepts only a technician
 * whose certificate chains to the pinned organisation root (VERIFIED) and ends the session
 * otherwise. (A relay that holds the organisation CA key to certify technicians at sign-in could
 * mint such a certificate itself; keep the CA offline where that matters.)
 */
public final class QueueFlow {
    public static final String SECRET = "000000";

    private QueueFlow() {
    }
}
