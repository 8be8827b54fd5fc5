/**
 * Uploads and their stored text: the {@code Upload} aggregate, its files, its skip report, and the bytes of each
 * file in {@code file_blocks}. Every stage uses it and none owns it; it knows nothing of stages.
 */
package dev.rca.uploads;
