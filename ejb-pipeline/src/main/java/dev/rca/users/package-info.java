/**
 * Admin users: the people who sign in to the admin UI under {@code /admin/}, with passwords stored as the
 * platform's {@code Pbkdf2PasswordHash} encodes them. The first one comes from configuration at start-up; API
 * callers keep their bearer tokens (the tokens component).
 */
package dev.rca.users;
