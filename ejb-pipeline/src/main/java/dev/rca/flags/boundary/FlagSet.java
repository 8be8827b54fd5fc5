package dev.rca.flags.boundary;

import java.util.Map;

/** A scope's effective flags and, per flag, where the value comes from: tenant, all-tenants, environment, default. */
public record FlagSet(Map<String, Object> flags, Map<String, String> sources) {
}
