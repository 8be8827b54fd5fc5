package dev.rca.users.entity;

import java.time.Instant;

/** Failed (or still pending) sign-ins of one user name or from one address in the throttle's window. */
public record RecentFailures(long count, Instant latest) {

    public static final RecentFailures NONE = new RecentFailures(0, null);
}
