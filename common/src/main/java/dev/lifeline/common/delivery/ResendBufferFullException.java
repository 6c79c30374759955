package dev.lifeline.common.delivery;

/** The peer left too much unacknowledged; the bound on what we keep for resending is reached. */
public final class ResendBufferFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ResendBufferFullException(int frames, long bytes) {
        super("resend buffer full: " + frames + " frames, " + bytes + " bytes unacknowledged");
    }
}
