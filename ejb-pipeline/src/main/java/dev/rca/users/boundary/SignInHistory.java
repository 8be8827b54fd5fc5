package dev.rca.users.boundary;

import dev.rca.users.entity.SignInAttempt;
import dev.rca.users.entity.SignInOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a signed-in user is shown about their name: the sign-in before this one, how many attempts failed since, and
 * the latest failed or throttled ones.
 */
public record SignInHistory(Optional<Attempt> previous, long failuresSincePrevious, List<Attempt> recentFailures) {

    public record Attempt(Instant at, String clientAddress, SignInOutcome outcome) {

        static Attempt of(SignInAttempt attempt) {
            return new Attempt(attempt.getAttemptedAt(), attempt.getClientAddress(), attempt.getOutcome());
        }
    }
}
