package dev.rca.pipeline.ingest.control;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IngestSlotsTest {

    @Test
    void anUploadBeyondTheSlotsWaitsAndGetsTheFirstOneFreed() throws Exception {
        IngestSlots slots = slots(2, 30);
        slots.acquire();
        slots.acquire();
        CompletableFuture<Void> third = CompletableFuture.runAsync(slots::acquire);
        TimeUnit.MILLISECONDS.sleep(200);
        assertFalse(third.isDone(), "the third upload waits while both slots are taken");

        slots.release();
        third.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anUploadThatWaitsTooLongIsRefusedAsBusyWithRetryAfter() {
        IngestSlots slots = slots(1, 1);
        slots.acquire();

        BusinessException busy = assertThrows(BusinessException.class, slots::acquire);

        assertEquals(ErrorCode.SERVER_BUSY, busy.code());
        assertEquals(ErrorCode.Kind.UNAVAILABLE, busy.kind(), "answered 503 (BusinessExceptionMapperTest)");
        assertEquals("server_busy", busy.error());
        assertEquals(1, busy.details().get("maxConcurrentUploads"));
        assertEquals(BusinessException.RETRY_AFTER_SECONDS, busy.details().get("retryAfterSeconds"));
        slots.release();
        slots.acquire();
    }

    private static IngestSlots slots(int maxConcurrent, int maxWaitSeconds) {
        IngestSlots slots = new IngestSlots();
        slots.maxConcurrent = maxConcurrent;
        slots.maxWaitSeconds = maxWaitSeconds;
        slots.create();
        return slots;
    }
}
