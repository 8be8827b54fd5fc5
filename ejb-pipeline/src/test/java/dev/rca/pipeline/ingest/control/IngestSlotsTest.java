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
        IngestSlots slots = slots(2, 2, 30);
        IngestSlots.Slot first = slots.acquire("a");
        slots.acquire("b");
        CompletableFuture<IngestSlots.Slot> third = CompletableFuture.supplyAsync(() -> slots.acquire("c"));
        TimeUnit.MILLISECONDS.sleep(200);
        assertFalse(third.isDone(), "the third upload waits while both slots are taken");

        first.close();
        third.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anUploadThatWaitsTooLongIsRefusedAsBusyWithRetryAfter() {
        IngestSlots slots = slots(1, 1, 1);
        IngestSlots.Slot held = slots.acquire("a");

        BusinessException busy = assertThrows(BusinessException.class, () -> slots.acquire("b"));

        assertEquals(ErrorCode.SERVER_BUSY, busy.code());
        assertEquals(ErrorCode.Kind.UNAVAILABLE, busy.kind(), "answered 503 (BusinessExceptionMapperTest)");
        assertEquals("server_busy", busy.error());
        assertEquals(1, busy.details().get("maxConcurrentUploads"));
        assertEquals(BusinessException.RETRY_AFTER_SECONDS, busy.details().get("retryAfterSeconds"));
        held.close();
        slots.acquire("b").close();
    }

    @Test
    void aTenantAtItsCapWaitsWithoutTakingTheSlotsLeftForTheOthers() throws Exception {
        IngestSlots slots = slots(4, 3, 30);
        for (int i = 0; i < 3; i++) {
            slots.acquire("greedy");
        }
        CompletableFuture<IngestSlots.Slot> fourth = CompletableFuture.supplyAsync(() -> slots.acquire("greedy"));
        TimeUnit.MILLISECONDS.sleep(200);
        assertFalse(fourth.isDone(), "the tenant holds its cap of 3 and waits for one of its own");

        slots.acquire("other").close();
        assertEquals(3, slots.inUse().applyAsInt("greedy"));
        assertEquals(0, slots.inUse().applyAsInt("other"), "its slot was given back");
        assertEquals(0, slots.inUse().applyAsInt("never-seen"));
    }

    @Test
    void theCapOfATenantIsNeverAboveTheNodesSlots() {
        assertEquals(2, slots(2, 12, 1).perTenant());
        assertEquals(12, slots(16, 12, 1).perTenant());
    }

    @Test
    void closingASlotTwiceGivesItBackOnce() {
        IngestSlots slots = slots(1, 1, 1);
        IngestSlots.Slot slot = slots.acquire("a");
        slot.close();
        slot.close();
        slots.acquire("a");

        assertThrows(BusinessException.class, () -> slots.acquire("a"), "one slot, not two");
    }

    private static IngestSlots slots(int maxConcurrent, int maxPerTenant, int maxWaitSeconds) {
        IngestSlots slots = new IngestSlots();
        slots.maxConcurrent = maxConcurrent;
        slots.maxPerTenant = maxPerTenant;
        slots.maxWaitSeconds = maxWaitSeconds;
        slots.create();
        return slots;
    }
}
