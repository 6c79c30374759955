package dev.lifeline.client.transfer;

import java.io.IOException;

/** The file being sent changed size or time since it was hashed: what arrives would not match. */
final class SourceChangedException extends IOException {
    SourceChangedException(String message) {
        super(message);
    }
}
