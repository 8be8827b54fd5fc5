/**
 * API tokens: admin tokens (tenants, flags, tokens) and upload tokens (upload and read for one tenant). Random,
 * prefixed {@code rca_adm_} / {@code rca_up_}, shown once, stored as SHA-256 hashes, with expiry, revocation
 * and last use; the first admin token comes from {@code RCA_BOOTSTRAP_ADMIN_TOKEN}.
 */
package dev.rca.tokens;
