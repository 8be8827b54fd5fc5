/**
 * MicroProfile Health readiness checks of the application: the database and the broker. Built into a jar of its own
 * (classifier {@code health}) that goes to the EAR's {@code lib/}, the only place WildFly looks for health checks in an
 * EAR (WFLY-12835); so nothing here may use a class of the EJB jar.
 */
package dev.rca.health;
