package dev.rca.web.api;

import dev.rca.errors.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statuses the API answers business errors with; a kind without one would not compile (the switch). */
class BusinessExceptionMapperTest {

    @Test
    void everyKindHasItsStatus() {
        Map<ErrorCode.Kind, Integer> expected = Map.of(ErrorCode.Kind.INVALID, 400, ErrorCode.Kind.FORBIDDEN, 403,
                ErrorCode.Kind.NOT_FOUND, 404, ErrorCode.Kind.CONFLICT, 409, ErrorCode.Kind.TOO_LARGE, 413,
                ErrorCode.Kind.TOO_SLOW, 408, ErrorCode.Kind.UNSUPPORTED, 415, ErrorCode.Kind.UNPROCESSABLE, 422,
                ErrorCode.Kind.UNAVAILABLE, 503);
        for (ErrorCode.Kind kind : ErrorCode.Kind.values()) {
            assertEquals(expected.get(kind), BusinessExceptionMapper.status(kind), kind.name());
        }
    }

    @Test
    void aBusyServerIsA503() {
        assertEquals(503, BusinessExceptionMapper.status(ErrorCode.SERVER_BUSY.kind()));
    }
}
