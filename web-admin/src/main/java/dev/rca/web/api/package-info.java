/**
 * The REST API's frame: its root path {@code /api} and the exception mappers that give every error one JSON shape
 * ({@code error}, {@code message}, {@code details}) and the right status.
 */
package dev.rca.web.api;
