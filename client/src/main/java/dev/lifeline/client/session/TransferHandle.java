package dev.lifeline.client.session;

import dev.lifeline.common.timeline.SessionTimeline;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import java.nio.file.Path;

/**
 * File transfer, both ways, and the session's timeline. Each call returns at once; progress comes
 * as {@link SessionListener#onTransfer}. Files go only while the customer grants "transfer files".
 */
public interface TransferHandle {
    /** Offers a file to the other side. */
    void offerFile(Path file);

    /** Accepts an offer ({@link SessionListener#onFileOffered}) into a folder. */
    void acceptFile(long id, Path folder);

    void declineFile(long id);

    void cancelTransfer(long id, Direction direction);

    /** Offers a failed or cancelled outgoing file again; the receiver resumes from what it holds. */
    void retryTransfer(long id);

    /** Consent changes, clipboard uses and transfers of this session (no content), for the report. */
    SessionTimeline timeline();
}
