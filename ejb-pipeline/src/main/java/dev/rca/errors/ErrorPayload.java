package dev.rca.errors;

import jakarta.validation.Payload;

import java.util.Map;

/**
 * Names the {@link ErrorCode} a Bean Validation constraint is refused with, where it is not {@code invalid_request}:
 * {@code @Pattern(regexp = ..., payload = ErrorPayload.InvalidSlug.class)}.
 */
public interface ErrorPayload extends Payload {

    interface InvalidSlug extends ErrorPayload {
    }

    interface InvalidUsername extends ErrorPayload {
    }

    interface WeakPassword extends ErrorPayload {
    }

    Map<Class<?>, ErrorCode> CODES = Map.of(InvalidSlug.class, ErrorCode.INVALID_SLUG,
            InvalidUsername.class, ErrorCode.INVALID_USERNAME, WeakPassword.class, ErrorCode.WEAK_PASSWORD);

    static ErrorCode codeOf(Class<?> payload) {
        return CODES.getOrDefault(payload, ErrorCode.INVALID_REQUEST);
    }
}
