/**
 * Security of the web module: the one Jakarta Security authentication mechanism (bearer tokens on {@code /api/*},
 * a signed-in admin user on the admin UI {@code /admin/*}) and the filter that decides what an API caller may do.
 */
package dev.rca.web.security;
