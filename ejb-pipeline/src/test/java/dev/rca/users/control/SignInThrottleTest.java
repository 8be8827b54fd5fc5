package dev.rca.users.control;

import dev.rca.users.entity.RecentFailures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(5, 20, 300, 15);

    @Test
    void theFreeFailuresNeverWait() {
        assertEquals(Optional.empty(), throttle.waitFor(failures(4, 0), RecentFailures.NONE, NOW));
        assertEquals(Optional.empty(), throttle.waitFor(RecentFailures.NONE, failures(19, 0), NOW));
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWaitUpToTheCap() {
        assertEquals(Duration.ZERO, throttle.delay(4, 5));
        assertEquals(Duration.ofSeconds(1), throttle.delay(5, 5));
        assertEquals(Duration.ofSeconds(2), throttle.delay(6, 5));
        assertEquals(Duration.ofSeconds(256), throttle.delay(13, 5));
        assertEquals(Duration.ofSeconds(300), throttle.delay(14, 5));
        assertEquals(Duration.ofSeconds(300), throttle.delay(5_000, 5), "no overflow on a long flood");
    }

    @Test
    void theWaitCountsFromTheLatestFailureRoundedUpToWholeSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.waitFor(failures(7, 500), RecentFailures.NONE, NOW),
                "7 failures: 4 s after the latest, 0.5 s ago, is 3.5 s from now");
        assertEquals(Optional.empty(), throttle.waitFor(failures(7, 4_000), RecentFailures.NONE, NOW));
    }

    @Test
    void theLongerOfTheUserAndTheAddressWaitApplies() {
        assertEquals(Optional.of(Duration.ofSeconds(8)), throttle.waitFor(failures(6, 0), failures(23, 0), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(8)), throttle.waitFor(failures(8, 0), failures(3, 0), NOW));
    }

    private static RecentFailures failures(long count, long latestMillisAgo) {
        return new RecentFailures(count, NOW.minusMillis(latestMillisAgo));
    }
}
