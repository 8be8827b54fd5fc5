package dev.rca.paging;

import java.util.List;

/** One page of a listing the admin UI pages through ({@link FilteredPage} builds them). */
public record Page<T>(long total, int offset, int limit, List<T> items) implements Paged {

    @Override
    public int size() {
        return items.size();
    }
}
