package dev.lifeline.client.session;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One thread standing in for the JavaFX application thread when view models are tested without a
 * screen: they get it as their UI executor, and the test reads and drives them only on it.
 */
public final class StandInFxThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    /** Runs {@code task} on the thread and returns its result. */
    public <T> T call(Callable<T> task) throws Exception {
        return thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Runs {@code task} on the thread and waits for it. */
    public void call(Runnable task) throws Exception {
        thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on the thread, holds; fails after 30 s naming {@code what}. */
    public void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!call(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
