/**
 * {@code rca}, the on-call engineer's command line: one shaded jar that needs only a Java 17 runtime, the API's URL
 * and a token. It talks to the public REST API only (no server classes): picocli for the commands,
 * {@code java.net.http} for HTTP, JSON-P for the documents, Commons Compress for a bundle's tar. docs/cli.md is its
 * manual.
 */
package dev.rca.cli;
