package dev.rca.users.control;

import dev.rca.users.entity.RecentFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in throttle's curve: a user name may fail {@code rca.sign-in.free-failures} times and an address
 * {@code rca.sign-in.free-failures-per-address} times within {@code rca.sign-in.failure-window-minutes}; after that
 * each further attempt waits, after the latest failure, 1 s, then 2 s, 4 s … up to
 * {@code rca.sign-in.max-delay-seconds}. A user name's count starts again after its successful sign-in; an address's
 * does not (one good account must not buy an address more guesses at others).
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "rca.sign-in.free-failures")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "rca.sign-in.free-failures-per-address")
    int freeFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "rca.sign-in.max-delay-seconds")
    long maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "rca.sign-in.failure-window-minutes")
    long windowMinutes;

    SignInThrottle() {
    }

    SignInThrottle(int freeFailures, int freeFailuresPerAddress, long maxDelaySeconds, long windowMinutes) {
        this.freeFailures = freeFailures;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.maxDelaySeconds = maxDelaySeconds;
        this.windowMinutes = windowMinutes;
    }

    /** How far back failures count. */
    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    /** How long the attempt must still wait (whole seconds, rounded up), or empty when it may go ahead now. */
    public Optional<Duration> waitFor(RecentFailures ofUser, RecentFailures fromAddress, Instant now) {
        Instant until = later(allowedAt(ofUser, freeFailures), allowedAt(fromAddress, freeFailuresPerAddress));
        if (until == null || !until.isAfter(now)) {
            return Optional.empty();
        }
        long millis = Duration.between(now, until).toMillis();
        return Optional.of(Duration.ofSeconds((millis + 999) / 1000));
    }

    /** The delay after the latest of {@code failures} failures, when that many are past the free ones. */
    Duration delay(long failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(failures - free, 30);
        return Duration.ofSeconds(Math.min(FIRST_DELAY.toSeconds() << doublings, maxDelaySeconds));
    }

    private Instant allowedAt(RecentFailures failures, int free) {
        Duration delay = delay(failures.count(), free);
        return delay.isZero() || failures.latest() == null ? null : failures.latest().plus(delay);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
