package dev.rca.web.admin.uploads;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;

import java.util.Map;
import java.util.UUID;

/** The upload id of a page's {@code id} parameter; an id that is not one is an unknown upload, as in the API. */
final class UploadIds {

    private UploadIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException notAnId) {
            throw new BusinessException(ErrorCode.UNKNOWN_UPLOAD, "'" + id + "' is not an upload id",
                    Map.of("upload", String.valueOf(id)));
        }
    }
}
