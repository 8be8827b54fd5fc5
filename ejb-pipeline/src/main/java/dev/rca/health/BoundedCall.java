package dev.rca.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A call to the broker that its callers wait for a bounded time only, and that runs once at a time: a caller that
 * comes while the previous call still runs waits for that call, it does not start another. A broker that hangs
 * (a remote one that is gone, while the connection factory keeps reconnecting) therefore holds one executor thread,
 * not one per scrape or probe, and /metrics and readiness answer within the bound.
 *
 * @param <T> what the call returns
 */
public final class BoundedCall<T> {

    private final Supplier<T> call;
    private final Duration bound;
    private final AtomicReference<CompletableFuture<T>> running = new AtomicReference<>();

    public BoundedCall(Supplier<T> call, Duration bound) {
        this.call = call;
        this.bound = bound;
    }

    /**
     * The result of the running call, or of a new one on {@code executor} if none runs.
     *
     * @throws TimeoutException the call did not end within the bound (it goes on; the next caller waits for it)
     * @throws ExecutionException the call failed; its cause is the failure
     */
    public T get(Executor executor) throws TimeoutException, ExecutionException, InterruptedException {
        CompletableFuture<T> current = running.get();
        if (current == null || current.isDone()) {
            CompletableFuture<T> started = new CompletableFuture<>();
            if (running.compareAndSet(current, started)) {
                try {
                    executor.execute(() -> {
                        try {
                            started.complete(call.get());
                        } catch (RuntimeException | Error e) {
                            started.completeExceptionally(e);
                        }
                    });
                } catch (RuntimeException rejected) {
                    started.completeExceptionally(rejected);
                }
            }
            current = running.get();
        }
        return current.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Duration bound() {
        return bound;
    }
}
