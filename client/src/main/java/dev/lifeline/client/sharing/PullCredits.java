package dev.lifeline.client.sharing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The viewer's outstanding pulls, oldest first: each one allows one update. Bounded, so a viewer
 * that sends more pulls than it may cannot make the sender queue frames.
 */
final class PullCredits {
    record Pull(long id, long receivedAtNanos) {
    }

    private final int max;
    private final Deque<Pull> pulls = new ArrayDeque<>();

    PullCredits(int max) {
        this.max = max;
    }

    /** Returns false (and ignores the pull) when the viewer already has every credit it may hold. */
    boolean offer(long id, long receivedAtNanos) {
        if (pulls.size() >= max) {
            return false;
        }
        pulls.addLast(new Pull(id, receivedAtNanos));
        return true;
    }

    boolean isEmpty() {
        return pulls.isEmpty();
    }

    int available() {
        return pulls.size();
    }

    /** The oldest pull, which the next update answers. */
    Pull take() {
        Pull pull = pulls.pollFirst();
        if (pull == null) {
            throw new IllegalStateException("no credit");
        }
        return pull;
    }

    void clear() {
        pulls.clear();
    }
}
