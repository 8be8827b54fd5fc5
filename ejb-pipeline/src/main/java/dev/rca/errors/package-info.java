/**
 * Errors shared by every component: the {@link dev.rca.errors.BusinessException} tree that the REST layer turns
 * into one JSON error shape with the right HTTP status.
 */
package dev.rca.errors;
