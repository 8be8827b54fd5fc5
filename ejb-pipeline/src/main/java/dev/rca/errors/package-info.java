/**
 * The errors a caller can cause: one {@code BusinessException} carrying an {@code ErrorCode}, whose kind the REST
 * layer maps to an HTTP status.
 */
package dev.rca.errors;
