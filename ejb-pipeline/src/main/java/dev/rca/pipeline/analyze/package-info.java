/**
 * The analyze stage: a message-driven consumer of AnalyzeRequestQueue reads each stored file once through the
 * analyzer ({@code control}: header layout, events, patterns, exceptions, timeline, bursts, suspects; plain Java) and
 * stores the report, the patterns and each file's line map ({@code entity}). Also serves the analysis to the API:
 * the report against an optional baseline, the patterns, and the lines behind them (docs/analysis.md).
 */
package dev.rca.pipeline.analyze;
