package dev.rca.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadLimitsListenerTest {

    @Test
    void undertowsLimitMustBeAboveTheUploadLimit() {
        assertDoesNotThrow(() -> UploadLimitsListener.check(64L << 20, 1L << 30));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> UploadLimitsListener.check(64L << 20, 64L << 20));
        assertTrue(refused.getMessage().contains("rca.http.max-post-size"), refused.getMessage());
    }
}
