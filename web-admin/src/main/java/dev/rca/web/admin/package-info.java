/**
 * The admin UI under {@code /admin/} (Jakarta Faces, docs/admin-ui.md): one {@code *Backing} bean per page, in a
 * package mirroring the page's path ({@code admin/tenants/tenant.xhtml} ↔ {@code admin.tenants.TenantBacking}).
 * Backing beans call the same boundaries as the REST API, so both leave the same rows and audit trail.
 */
package dev.rca.web.admin;
