/** How the application names its enums outside Java: one rule, {@code Labelled}, that every component may use. */
package dev.rca.naming;
