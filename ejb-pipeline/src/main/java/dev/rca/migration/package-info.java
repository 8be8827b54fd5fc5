/**
 * Schema migrations: the Liquibase changelog under {@code db/changelog} is applied at deployment, on PostgreSQL
 * and on the embedded H2 alike. Hibernate never generates schema.
 */
package dev.rca.migration;
