package dev.rca.paging;

/**
 * A page of a longer listing, newest or first items first: what every pager of the admin UI needs to link to the
 * pages before and after it, whatever the listing.
 */
public interface Paged {

    long total();

    int offset();

    int limit();

    /** Items on this page. */
    int size();

    default boolean hasPrevious() {
        return offset() > 0;
    }

    default boolean hasNext() {
        return offset() + size() < total();
    }

    default int previousOffset() {
        return Math.max(0, offset() - limit());
    }

    default int nextOffset() {
        return offset() + limit();
    }
}
