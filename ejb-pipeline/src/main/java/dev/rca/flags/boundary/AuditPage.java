package dev.rca.flags.boundary;

import dev.rca.paging.Paged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of the flag audit trail, newest first. */
public record AuditPage(long total, int offset, int limit, List<Entry> entries) implements Paged {

    @Override
    public int size() {
        return entries.size();
    }


    public record Entry(long id, Instant changedAt, UUID tokenId, String tokenName, String scope, String tenant,
                        String flag, Object oldValue, Object newValue, String reason) {
    }
}
