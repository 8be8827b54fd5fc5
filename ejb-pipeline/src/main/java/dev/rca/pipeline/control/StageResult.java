package dev.rca.pipeline.control;

import dev.rca.pipeline.entity.StageStatus;

import java.util.Map;

/** What a stage's work came to: its status and its figures ({@code details}, shown with the upload's status). */
public record StageResult(StageStatus status, Map<String, Object> details) {
}
