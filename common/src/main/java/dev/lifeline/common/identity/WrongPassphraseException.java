package dev.lifeline.common.identity;

/** The passphrase does not decrypt the private key. */
public final class WrongPassphraseException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
        super(message, null);
    }

    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
