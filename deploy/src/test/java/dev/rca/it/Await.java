package dev.rca.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Polling until something holds or a timeout passes, for every wait of the tests. The poll runs at least once and,
 * until it succeeds, last at or after the timeout, so that a condition is watched over the whole timeout. What the
 * poll throws is not caught: a poll that should go on while the server is not answering catches that itself.
 */
final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    /** A poll; may throw what its work throws, which ends the wait. */
    @FunctionalInterface
    interface Poll<T, E extends Exception> {
        T get() throws E;
    }

    /** A condition; may throw what its work throws, which ends the wait. */
    @FunctionalInterface
    interface Condition<E extends Exception> {
        boolean holds() throws E;
    }

    private Await() {
    }

    /**
     * Polls every {@link #INTERVAL} until {@code done} holds for the value; returns that value. When the timeout
     * passes first, fails with an AssertionError that names {@code what}, the timeout and the last value seen.
     */
    static <T, E extends Exception> T until(String what, Duration timeout, Poll<T, E> poll,
                                            Predicate<? super T> done) throws E {
        return until(what, timeout, INTERVAL, poll, done);
    }

    /** {@link #until(String, Duration, Poll, Predicate)}, polling every {@code interval}. */
    static <T, E extends Exception> T until(String what, Duration timeout, Duration interval, Poll<T, E> poll,
                                            Predicate<? super T> done) throws E {
        Last<T> last = poll(timeout, interval, poll, done);
        if (!last.done()) {
            throw new AssertionError("not within " + timeout + ": " + what + "; last seen: " + last.value());
        }
        return last.value();
    }

    /** Polls every {@link #INTERVAL} until {@code condition} holds; fails as {@link #until} does. */
    static <E extends Exception> void until(String what, Duration timeout, Condition<E> condition) throws E {
        if (!poll(timeout, INTERVAL, condition::holds, Boolean::booleanValue).done()) {
            throw new AssertionError("not within " + timeout + ": " + what);
        }
    }

    /**
     * Polls every {@code interval} until {@code done} holds or the timeout passes, and returns the last value either
     * way: for a caller that reports on what it finds rather than failing at the timeout.
     */
    static <T, E extends Exception> T within(Duration timeout, Duration interval, Poll<T, E> poll,
                                             Predicate<? super T> done) throws E {
        return poll(timeout, interval, poll, done).value();
    }

    private record Last<T>(T value, boolean done) {
    }

    private static <T, E extends Exception> Last<T> poll(Duration timeout, Duration interval, Poll<T, E> poll,
                                                         Predicate<? super T> done) throws E {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            T value = poll.get();
            if (done.test(value)) {
                return new Last<>(value, true);
            }
            if (!Instant.now().isBefore(end)) {
                return new Last<>(value, false);
            }
            pause(interval);
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
