package dev.rca.paging;

import dev.rca.errors.BusinessException;
import dev.rca.errors.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a filtered JPQL listing for the operators' views: checks the page bounds, collects the conditions of
 * the filters that were given (a null value matches everything), and runs the count and the page query with the same
 * conditions.
 */
public final class FilteredPage {

    public static final int MAX_PAGE = 200;

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();
    private final int offset;
    private final int limit;

    /** @throws BusinessException 400 {@code invalid_page} unless offset >= 0 and 1 <= limit <= {@value #MAX_PAGE} */
    public FilteredPage(int offset, int limit) {
        checkBounds(offset, limit);
        this.offset = offset;
        this.limit = limit;
    }

    /** The one bounds check of every page the API and the admin UI ask for. */
    public static void checkBounds(int offset, int limit) {
        checkBounds(offset, limit, MAX_PAGE);
    }

    /** The bounds check of a listing whose pages may be longer ({@code max}): an analysis's patterns and lines. */
    public static void checkBounds(long offset, int limit, int max) {
        if (offset < 0 || limit < 1 || limit > max) {
            throw new BusinessException(ErrorCode.INVALID_PAGE, "offset must be >= 0 and limit between 1 and "
                    + max, Map.of("offset", offset, "limit", limit));
        }
    }

    /** Adds {@code condition}, which uses the parameter {@code :name}, unless {@code value} is null. */
    public FilteredPage filter(String condition, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Everything matching, counted with {@code select} (e.g. {@code SELECT COUNT(u) FROM Upload u}). */
    public long count(EntityManager em, String select) {
        return bound(em.createQuery(select + where, Long.class)).getSingleResult();
    }

    /** This page of what {@code select} finds, in {@code orderBy} order (e.g. {@code u.receivedAt DESC, u.id}). */
    public <T> List<T> rows(EntityManager em, String select, String orderBy, Class<T> type) {
        return bound(em.createQuery(select + where + " ORDER BY " + orderBy, type))
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private <T> TypedQuery<T> bound(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
