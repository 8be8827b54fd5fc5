package dev.rca.users.entity;

import dev.rca.naming.Labelled;

/** What became of one sign-in attempt. */
public enum SignInOutcome implements Labelled {
    /** Recorded, password not yet checked; counts as a failure until it is one of the others. */
    PENDING,
    SUCCESS,
    FAILURE,
    /** Refused before the password was checked: too many recent failures for the user name or the address. */
    THROTTLED
}
