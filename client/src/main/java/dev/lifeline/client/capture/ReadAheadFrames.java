package dev.lifeline.client.capture;

import dev.lifeline.common.screen.ScreenImage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a replay's PNG frames from disk on its own thread, at most {@code readAhead} frames ahead
 * of the one shown, so memory stays at a few frames however long the folder is. When the reader
 * falls behind the clock it skips straight to the frame due, like a slow screen would; a capture
 * waits only for the frame due now (one PNG decode at worst).
 */
final class ReadAheadFrames implements ReplayFrames {
    /** Longest a capture waits for its frame before it reports the replay as broken. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Decoded(long tick, ScreenImage image) {
    }

    private final List<Path> paths;
    private final int readAhead;
    private final int width;
    private final int height;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Decoded> ready = new ArrayDeque<>();
    private final Thread reader;
    /** Guarded by lock: the newest tick a capture asked for; the reader never decodes an older one. */
    private long wanted;
    private long nextToRead;
    private Decoded shown;
    private CaptureUnavailableException failure;
    private boolean closed;
    /** Most frames held at once (ready + shown), for tests. */
    private int mostHeld;

    ReadAheadFrames(List<Path> paths, int readAhead, int width, int height) {
        if (paths.isEmpty() || readAhead < 1) {
            throw new IllegalArgumentException("no frames or no read-ahead");
        }
        this.paths = List.copyOf(paths);
        this.readAhead = readAhead;
        this.width = width;
        this.height = height;
        this.reader = new Thread(this::readLoop, "lifeline-replay-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public int count() {
        return paths.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public ScreenImage frame(long tick) throws CaptureUnavailableException {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        lock.lock();
        try {
            if (tick > wanted) {
                wanted = tick;
                changed.signalAll();
            }
            while (true) {
                if (shown != null && shown.tick() == tick) {
                    return shown.image();
                }
                while (!ready.isEmpty() && ready.peekFirst().tick() <= tick) {
                    shown = ready.pollFirst();
                    changed.signalAll(); // room to read ahead again
                }
                if (shown != null && shown.tick() == tick) {
                    return shown.image();
                }
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    throw new CaptureUnavailableException("the replay has been closed");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CaptureUnavailableException("replay frame " + paths.get((int) (tick % paths.size())).getFileName()
                            + " took more than 10 s to read");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureUnavailableException("interrupted while reading the replay", e);
        } finally {
            lock.unlock();
        }
    }

    private void readLoop() {
        while (true) {
            long tick;
            lock.lock();
            try {
                while (!closed && ready.size() >= readAhead && ready.peekLast().tick() >= wanted) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                // Frames the clock has passed are not worth reading: jump to the one due.
                tick = Math.max(nextToRead, wanted);
                nextToRead = tick + 1;
            } finally {
                lock.unlock();
            }
            Path png = paths.get((int) (tick % paths.size()));
            ScreenImage image;
            CaptureUnavailableException error = null;
            try {
                image = ReplayScreenSource.read(png);
            } catch (CaptureUnavailableException e) {
                image = null;
                error = e;
            }
            lock.lock();
            try {
                if (error != null) {
                    failure = error;
                    changed.signalAll();
                    return;
                }
                while (!ready.isEmpty() && ready.peekLast().tick() >= tick) {
                    ready.pollLast(); // cannot happen with one reader; keeps the order if it did
                }
                // Stale frames are dropped at once when the reader has jumped past them.
                while (!ready.isEmpty() && ready.peekFirst().tick() < wanted && ready.size() >= readAhead) {
                    ready.pollFirst();
                }
                ready.addLast(new Decoded(tick, image));
                mostHeld = Math.max(mostHeld, ready.size() + (shown == null ? 0 : 1));
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Most decoded frames held at any moment so far (read ahead + shown). */
    int mostHeld() {
        lock.lock();
        try {
            return mostHeld;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ready.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
