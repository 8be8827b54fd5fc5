package dev.rca.users.boundary;

import dev.rca.users.entity.SignInOutcome;

import java.time.Duration;

/** How a sign-in ended; {@code retryAfter} is how long a throttled one must wait (zero otherwise). */
public record SignInResult(SignInOutcome outcome, Duration retryAfter) {

    public boolean succeeded() {
        return outcome == SignInOutcome.SUCCESS;
    }
}
