/**
 * Security of the web module: the one Jakarta Security authentication mechanism (bearer tokens on {@code /api/*})
 * and the filter that decides what an authenticated caller may do.
 */
package dev.rca.security;
