package dev.rca.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Validator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request record against its Bean Validation constraints, for the API and the admin UI alike, and refuses
 * it as the first violated component in declaration order: a {@link BusinessException} naming the field, with the
 * constraint's message and the code its payload names ({@link ErrorPayload}), else {@code invalid_request}.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /** @throws BusinessException for the first violation; for a missing request, {@code invalid_request} */
    public <T extends Record> T check(T request, Class<T> type) {
        if (request == null) {
            throw new BusinessException(ErrorCode.INVALID_REQUEST, "a JSON body is required: "
                    + Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList(), Map.of());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<String> order = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        ConstraintViolation<T> first = violations.stream()
                .min(Comparator.comparing((ConstraintViolation<T> v) -> order.indexOf(field(v)))
                        .thenComparing(v -> v.getMessage()))
                .orElseThrow();
        String field = field(first);
        return failWith(codeOf(first.getConstraintDescriptor().getPayload()), field + " " + first.getMessage(),
                field);
    }

    private static <T> T failWith(ErrorCode code, String message, String field) {
        throw new BusinessException(code, message, Map.of("field", field));
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    static ErrorCode codeOf(Set<Class<? extends Payload>> payload) {
        return payload.stream().filter(ErrorPayload.class::isAssignableFrom).findFirst()
                .map(ErrorPayload::codeOf).orElse(ErrorCode.INVALID_REQUEST);
    }
}
