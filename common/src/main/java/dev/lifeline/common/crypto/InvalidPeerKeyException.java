package dev.lifeline.common.crypto;

import java.security.GeneralSecurityException;

/** A peer's public key is malformed or low-order (RFC 7748 §6.1: an all-zero shared secret). */
public final class InvalidPeerKeyException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public InvalidPeerKeyException(String message) {
        super(message);
    }
}
