package dev.rca.cli;

/**
 * Something given on the command line that cannot be used, found after parsing (picocli's own checks end in a
 * {@code ParameterException}): reported in one line with exit code 2, unlike an unexpected error (exit 1).
 */
class UsageError extends IllegalArgumentException {

    UsageError(String message) {
        super(message);
    }
}
