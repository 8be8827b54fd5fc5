package dev.rca.users.control;

import dev.rca.users.entity.SignInOutcome;

/** Fired for every admin sign-in attempt once its outcome is known (for /metrics). */
public record SignInAttempted(SignInOutcome outcome) {
}
