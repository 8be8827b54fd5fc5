package dev.rca.health;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedCallTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    private String hanging() {
        started.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "answer";
    }

    @Test
    void aCallThatHangsTimesOutAndLaterCallersWaitForItInsteadOfStartingAnother() throws Exception {
        BoundedCall<String> call = new BoundedCall<>(this::hanging, Duration.ofMillis(50));
        for (int i = 0; i < 5; i++) {
            assertThrows(TimeoutException.class, () -> call.get(executor));
        }
        assertEquals(1, started.get(), "one call runs, however many callers came");
        release.countDown();
        Thread.sleep(50);
        assertEquals("answer", call.get(executor));
    }

    @Test
    void aFinishedCallIsNotReusedTheNextCallerStartsAFreshOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BoundedCall<Integer> call = new BoundedCall<>(calls::incrementAndGet, Duration.ofSeconds(5));
        assertEquals(1, call.get(executor));
        assertEquals(2, call.get(executor));
    }

    @Test
    void aFailureReachesTheCallerWithItsCause() {
        BoundedCall<String> call = new BoundedCall<>(() -> {
            throw new IllegalStateException("broker refused");
        }, Duration.ofSeconds(5));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(executor));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("broker refused", failure.getCause().getMessage());
    }

    @Test
    void anExecutorThatRefusesIsAFailureNotAHang() {
        executor.shutdown();
        BoundedCall<String> call = new BoundedCall<>(() -> "never", Duration.ofSeconds(5));
        assertThrows(ExecutionException.class, () -> call.get(executor));
    }
}
