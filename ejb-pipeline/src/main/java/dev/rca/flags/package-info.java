/**
 * Feature flags: the registry of known flags ({@link dev.rca.flags.entity.FeatureFlag}), per-tenant and
 * all-tenants settings with their append-only audit trail, and the in-memory cache every hot-path read goes to,
 * kept current across nodes by a version row in the database.
 */
package dev.rca.flags;
